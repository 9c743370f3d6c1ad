"""The Textual app: thin screens and widgets over explorer.core."""
