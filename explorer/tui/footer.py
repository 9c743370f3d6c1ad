"""The footer: F1 Help first (the way to every other key stays on screen at 60 columns), then
the screen's own keys, then the app's, each action once."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from explorer.tui.textual_internals import set_footer_key_enabled


def _layout(signature: tuple) -> tuple:
    """What the keys look like but for which are greyed out (the `enabled` of each)."""
    return tuple(item[:4] + item[5:] for item in signature)


class KeyFooter(Footer):
    """A compact footer that puts Help first and never repeats an action."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("compact", True)
        kwargs.setdefault("show_command_palette", False)  # Ctrl+P is on the help screen
        super().__init__(**kwargs)

    _shown_keys: tuple | None = None  # what the last compose showed

    def _items(self) -> list[tuple]:
        active = self.screen.active_bindings
        shown: dict[str, tuple] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled, tooltip)
        return sorted(shown.values(), key=lambda item: item[0].id != "help")

    def _signature(self, items: list[tuple]) -> tuple:
        return tuple((b.key, self.app.get_key_display(b), b.description, b.action, enabled,
                      tooltip) for b, enabled, tooltip in items)

    def bindings_changed(self, screen) -> None:
        """Textual recomposes the footer whenever a screen refreshes its bindings (every lesson
        step, every builder edit): here only when the keys it shows change. A key that is only
        greyed out or back in is changed in place, and one recompose is asked for at most per
        change (a recompose of the keys costs more than the rest of a lesson step's redraw)."""
        if not (self._bindings_ready and self.is_attached and screen is self.screen
                and screen.app.app_focus):
            super().bindings_changed(screen)
            return
        items = self._items()
        shown = self._signature(items)
        if shown == self._shown_keys:
            return
        keys = [k for k in self.children if isinstance(k, FooterKey)]
        if self._shown_keys is not None and len(keys) == len(items) \
                and _layout(shown) == _layout(self._shown_keys):
            enabled = [item[1] for item in items]
            # in the key's own frame: greyed after it, as before 1 Dec, a key cost two frames
            # (~4 ms more of CPU a lesson step, 30 tabs at once; the builder's toggle showed
            # ~4 ms sooner on its own)
            self._grey_in_place(keys, enabled)
            self._shown_keys = shown
            return
        self._shown_keys = shown  # a recompose is on its way: none more for the same keys
        super().bindings_changed(screen)

    def _grey_in_place(self, keys: list[FooterKey], enabled: list[bool]) -> None:
        for key, on in zip(keys, enabled, strict=True):
            if key.is_attached:
                set_footer_key_enabled(key, on)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        items = self._items()
        self._shown_keys = self._signature(items)
        self.styles.grid_size_columns = len(items) + 1
        for binding, enabled, tooltip in items:
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                            binding.action, disabled=not enabled, tooltip=tooltip,
                            ).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                yield FooterKey(binding.key, self.app.get_key_display(binding),
                                binding.description, binding.action,
                                classes="-command-palette", disabled=not enabled,
                                tooltip=binding.tooltip or binding.description)
