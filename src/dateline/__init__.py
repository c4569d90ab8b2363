"""dateline: a static news-archive generator."""

__version__ = "0.1.0"
