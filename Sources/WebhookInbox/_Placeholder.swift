// WebhookInbox
