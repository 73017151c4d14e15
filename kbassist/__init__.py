"""kbassist: find the support article, walk its decision tree, export a checklist."""

__version__ = "0.1.0"
