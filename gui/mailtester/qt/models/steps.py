"""Connect -> Encrypt -> Greet -> Log in: which step is done, running, failed or skipped."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Signal

from ...protocol.events import Outcome, Security, Stage


class Step(Enum):
    CONNECT = 0
    ENCRYPT = 1
    GREET = 2
    LOGIN = 3


class StepState(Enum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"
    STOPPED = "stopped"  # the step a cancelled run was in


# EHLO (SMTP) and CAPABILITY / CAPA (IMAP, POP3) are the greeting's second half;
# the harmless command after the login proves the login, so it is part of it.
STEP_OF_STAGE = {
    Stage.DNS: Step.CONNECT, Stage.CONNECT: Step.CONNECT, Stage.TLS: Step.ENCRYPT, Stage.STARTTLS: Step.ENCRYPT,
    Stage.GREETING: Step.GREET, Stage.EHLO: Step.GREET, Stage.CAPABILITY: Step.GREET, Stage.AUTH: Step.LOGIN,
    Stage.AFTER_LOGIN: Step.LOGIN, Stage.DONE: Step.LOGIN,
}


class StepsModel(QObject):
    """Follows the stages a run passes through; the header view draws it."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.states = {s: StepState.PENDING for s in Step}
        self.security: Security | None = None

    def reset(self, security: Security | None = None) -> None:
        self.states = {s: StepState.PENDING for s in Step}
        self.security = security
        if security is Security.NONE:
            self.states[Step.ENCRYPT] = StepState.SKIPPED
        self.changed.emit()

    def enter(self, stage: Stage) -> None:
        step = STEP_OF_STAGE[stage]
        if self.states[step] is not StepState.PENDING:
            return
        for s, state in self.states.items():
            if state is StepState.RUNNING:
                self.states[s] = StepState.DONE
        self.states[step] = StepState.RUNNING
        self.changed.emit()

    def connected(self) -> None:
        """The connection stands: Connect is done, and the run waits in the next step
        (the TLS handshake on an SSL/TLS port, else the greeting)."""
        if self.states[Step.CONNECT] is not StepState.RUNNING:
            return
        self.states[Step.CONNECT] = StepState.DONE
        waiting = Step.ENCRYPT if self.security is Security.TLS else Step.GREET
        if self.states[waiting] is StepState.PENDING:
            self.states[waiting] = StepState.RUNNING
        self.changed.emit()

    def stop(self) -> None:
        """The run was cancelled: the steps done stay done, the one it was in is marked
        stopped, the others were not started."""
        for s, state in self.states.items():
            if state is StepState.RUNNING:
                self.states[s] = StepState.STOPPED
        self.changed.emit()

    def finish(self, outcome: Outcome | None) -> None:
        """outcome None: the run was cancelled."""
        failed = None if outcome is None or outcome.ok else STEP_OF_STAGE[outcome.stage]
        for s, state in self.states.items():
            if s is failed:
                self.states[s] = StepState.FAILED
            elif state is StepState.RUNNING:
                self.states[s] = StepState.DONE if outcome is not None and (outcome.ok or failed is not None) \
                    else StepState.SKIPPED
            elif state is StepState.PENDING:
                self.states[s] = StepState.DONE if outcome is not None and outcome.ok else StepState.SKIPPED
        self.changed.emit()
