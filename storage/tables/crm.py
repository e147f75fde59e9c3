"""CRM tables: contacts, deals and their stage history (the CRM core issue)."""
