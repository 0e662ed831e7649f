"""What every paincoach screen shares: service calls off the UI thread, and the size notice."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual import events, on
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from paincoach.core.errors import PaincoachError
from paincoach.widgets.too_small import TooSmallNotice

if TYPE_CHECKING:
    from paincoach.app import PaincoachApp
    from paincoach.services import Services

T = TypeVar("T")
ResultT = TypeVar("ResultT")


def call_service(
    node: DOMNode,
    job: Callable[[Services], T],
    done: Callable[[T], Any],
    *,
    group: str = "service",
    failed: Callable[[PaincoachError], Any] | None = None,
    wanted: Callable[[], bool] = lambda: True,
) -> None:
    """The one worker path: `job(services)` in a thread, then `done(result)` on the UI thread.

    A `PaincoachError` goes to `failed` (default: the app's problem notice); a bug is
    reported kindly and, when `failed` is given, handed to it too (a form can save again).
    The result is dropped when `wanted()` says nobody wants it any more.
    """
    app = cast("PaincoachApp", node.app)
    services = app.services
    on_error = failed or app.show_problem

    def work() -> None:
        try:
            result = job(services)
        except PaincoachError as exc:
            app.call_from_thread(on_error, exc)
            return
        except Exception as exc:  # a bug: report it kindly instead of crashing the journal
            app.call_from_thread(app.report_unexpected, exc)
            if failed is not None:  # and let the caller recover (a form: save again)
                app.call_from_thread(failed, unexpected(exc))
            return
        app.call_from_thread(deliver, result)

    def deliver(result: T) -> None:
        if wanted():
            done(result)

    node.run_worker(work, thread=True, group=group, exclusive=True, exit_on_error=False)


if TYPE_CHECKING:
    _Node = DOMNode
else:
    # A plain mixin at run time: Textual collects default CSS along the first base that is
    # a DOMNode, which must stay the screen class. Type checkers see the node it mixes into.
    _Node = object


class ServiceCalls(_Node):
    """Run service calls in a worker thread and hand the result back on the UI thread."""

    @property
    def paincoach(self) -> PaincoachApp:
        """The running app, typed."""
        return cast("PaincoachApp", self.app)

    @property
    def services(self) -> Services:
        """The app's services (journal, settings, safety)."""
        return self.paincoach.services

    def call_service(
        self,
        job: Callable[[Services], T],
        done: Callable[[T], Any],
        *,
        group: str = "service",
        failed: Callable[[PaincoachError], Any] | None = None,
    ) -> None:
        """Run `job(services)` off the UI thread, then `done(result)` or `failed(error)` on it.

        The result is dropped if this screen has closed while the worker ran.
        """
        app = self.paincoach
        call_service(
            self, job, done, group=group, failed=failed, wanted=lambda: self in app.screen_stack
        )


def unexpected(error: BaseException) -> PaincoachError:
    """What a screen says about a bug that stopped a service call."""
    return PaincoachError(
        f"Something went wrong ({type(error).__name__}), so this was not done. "
        "Anything saved before is safe; please try again."
    )


def mount_size_notice(screen: Screen[Any]) -> None:
    """Add the too-small notice to a screen (hidden until the app is too small).

    A screen with `SIZE_NOTICE = False` (Help now) is never covered by it.
    """
    if not getattr(screen, "SIZE_NOTICE", True):
        return
    notice = TooSmallNotice()
    screen.mount(notice)
    width, height = screen.app.size
    notice.update_size(width, height)


class PaincoachScreen(ServiceCalls, Screen[ResultT]):
    """A full screen."""

    #: Cover the screen with the too-small notice when the window is too small.
    SIZE_NOTICE: ClassVar[bool] = True

    @on(events.Mount)
    def _mount_size_notice(self) -> None:
        mount_size_notice(self)


class PaincoachDialog(ServiceCalls, ModalScreen[ResultT]):
    """A modal dialog over the current screen."""

    #: Cover the dialog with the too-small notice when the window is too small.
    SIZE_NOTICE: ClassVar[bool] = True

    # The app's F1 works everywhere; this only puts it in the dialog's footer too.
    BINDINGS = [
        Binding(
            "f1",
            "app.help_now",
            "Help now",
            id="dialog.help_now",
            tooltip="Crisis lines, emergency numbers and your own contacts",
        )
    ]

    @on(events.Mount)
    def _mount_size_notice(self) -> None:
        mount_size_notice(self)
