"""A Footer that lets go of the keys it replaces.

Textual 8.2.8's Footer rebuilds its FooterKey children whenever the bindings change
(focus moves, a binding appears). Each key data-binds the footer's `compact` reactive,
which registers a watcher on the footer; nothing removes it when the key goes, so every
rebuild kept ~10 dead widgets alive: 380 MB after an hour-like session. Pruning the
watchers of detached keys after each rebuild keeps memory flat.
"""

from __future__ import annotations

from textual.widgets import Footer


class KBFooter(Footer):
    """Footer, minus the watcher leak of replaced keys."""

    async def recompose(self) -> None:
        await super().recompose()
        watchers = getattr(self, "__watchers", None)
        if not watchers:
            return
        for entries in watchers.values():
            entries[:] = [
                (node, callback)
                for node, callback in entries
                if node is self or (node.is_attached and not node._closing)
            ]
