"""The bodies of the CLI commands; each module is imported only when its command runs."""
