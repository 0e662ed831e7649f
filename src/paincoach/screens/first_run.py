"""First run: what paincoach is and is not, where the data lives; acknowledged once."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Header, Label, Select, Static

from paincoach import safety
from paincoach.core.paths import database_path
from paincoach.screens.base import PaincoachScreen
from paincoach.settings import Settings

INTRO = (
    "paincoach is a private journal and a set of coping skills for living with chronic pain. "
    "Each day you can note your pain, mood, sleep and what you did, see how your week went, "
    "and practise skills such as paced breathing, pacing and thought records.\n\n"
    "paincoach is self-help. It is not medical care, it does not diagnose or treat anything, "
    "and it does not replace the people who look after your health. Stop any exercise that "
    "makes your pain worse.\n\n"
    f"{safety.NOT_MONITORED} If you are in danger, call your local emergency number. "
    "F1 opens Help now from any screen, at any time."
)


class FirstRunScreen(PaincoachScreen[None]):
    """Shown until the person acknowledges it once."""

    BINDINGS = [Binding("q", "app.quit", "Quit", id="first_run.quit", tooltip="Close paincoach")]

    def compose(self) -> ComposeResult:
        """The introduction, where the data lives, region, and the acknowledgement."""
        yield Header(icon="≡")
        with VerticalScroll(classes="page"):
            yield Static("Welcome to paincoach", classes="section-title")
            yield Static(INTRO, markup=False)
            yield Static(
                "\nYour journal stays on this computer, readable only by you, in "
                f"{database_path(self.services.home)}. paincoach never uses the network: "
                "nothing leaves this computer unless you export it.\n",
                id="where",
                markup=False,
            )
            with Horizontal(classes="region-row"):
                yield Label("Your region, for crisis lines:", classes="field-label wide")
                yield Select[str]([], id="region", prompt="Choose…", allow_blank=True, compact=True)
            yield Button("I understand: start", id="acknowledge", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Offer every region by name (typing a name finds it), and focus the button."""
        directory = self.services.crisis
        self.query_one("#region", Select).set_options(
            (region.name, region.code) for region in directory.by_name()
        )
        self.query_one("#acknowledge", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Store the acknowledgement, then go to Today."""
        region = self.query_one("#region", Select).value
        code = region if isinstance(region, str) else ""
        self.call_service(lambda services: services.acknowledge(code), self._acknowledged)

    def _acknowledged(self, settings: Settings) -> None:
        self.paincoach.apply_settings(settings)
        self.dismiss(None)
        if not settings.region:
            self.paincoach.notify(
                "Help now shows general lines until you choose a region in Settings. "
                + safety.IMMEDIATE_DANGER,
                timeout=8,
                markup=False,
            )
