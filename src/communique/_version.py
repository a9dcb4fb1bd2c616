"""communique's version, in one place below every module that reports it."""

__version__ = "0.3.0"
