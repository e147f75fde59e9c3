"""Domain model: entities, value objects, commands, events and the error taxonomy.

Pure Python (no grpc, protobuf or SQLAlchemy): storage, use cases and servicers all speak these types.
"""
