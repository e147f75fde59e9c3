"""The contacts area: ContactService."""
