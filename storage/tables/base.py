"""The declarative base every table module registers with."""

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
