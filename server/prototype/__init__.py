"""The prototype's REST paths and JSON shapes (PrototypeRestService), served through the contract's RPCs."""
