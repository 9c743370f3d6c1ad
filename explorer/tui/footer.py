"""The footer: F1 Help first (the way to every other key stays on screen at 60 columns), then
the screen's own keys, then the app's, each action once."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


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
        step, every cursor move that re-checks actions): here only when what it shows changed
        (a recompose of the keys costs more than the rest of a lesson step's redraw)."""
        if self._bindings_ready and self.is_attached and screen is self.screen \
                and screen.app.app_focus and self._signature(self._items()) == self._shown_keys:
            return
        super().bindings_changed(screen)

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
