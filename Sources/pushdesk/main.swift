print("pushdesk")
