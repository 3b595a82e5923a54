// ConsoleCore
