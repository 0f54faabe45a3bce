"""Where the endpoint's SPARQL runs: forked, sandboxed, killable workers, admitted fairly.

Oxigraph evaluates in Rust and cannot be interrupted from Python, so every
query and update runs in a forked child that sees the store copy-on-write,
has no network (:func:`kg.server.sandbox.deny_network`) and is killed at its
deadline. A parse bomb or a stack overflow kills the child, never the server.

:class:`Scheduler` decides when a request may start. Every request has one
deadline, set when it arrives: the time it waits for a slot counts against
the limit. One client (an IP address) holds at most all slots but one, a
waiting client is served before a client that already runs more, a full
queue answers 503 with ``Retry-After`` at once, and a query still running
after half a second is niced, so quick queries keep the CPU.
"""
from __future__ import annotations

import collections
import contextlib
import math
import multiprocessing
import os
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import anyio

from ..errors import EndpointError, Errors

__all__ = ["Scheduler", "run_forked", "fork_available"]

NICE_AFTER = 0.5  # seconds a worker runs at normal priority
NICE = 10


def fork_available() -> bool:
    """Whether this platform can fork (the sandboxed query workers need it)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _child(sender, fn: Callable, args: tuple) -> None:
    """In the forked process: no network, then ``fn(*args)``; the outcome goes back on the pipe."""
    from .sandbox import deny_network

    deny_network()
    try:
        outcome = ("ok", fn(*args))
    except EndpointError as e:
        outcome = ("error", (e.status, str(e)))
    except BaseException as e:  # noqa: BLE001 - any failure must reach the parent as a reply
        outcome = ("error", (500, Errors.E071.format(reason=str(e).strip() or type(e).__name__)))
    sender.send(outcome)
    sender.close()


def run_forked(fn: Callable, args: tuple, *, timeout: float, on_timeout: EndpointError) -> Any:
    """Blocking: ``fn(*args)`` in a forked, sandboxed child killed after ``timeout`` seconds.

    Returns what ``fn`` returned (it must pickle); raises what it raised as an
    :class:`EndpointError`, ``on_timeout`` when the time is up, and a 500 when
    the child dies (a crash in the engine).
    """
    if timeout <= 0:
        raise on_timeout
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, fn, args), daemon=True, name="kg-serve-worker")
    child.start()
    sender.close()
    try:
        ready = receiver.poll(min(timeout, NICE_AFTER))
        if not ready and timeout > NICE_AFTER:
            with contextlib.suppress(OSError):  # a slow one: let the quick ones have the CPU
                os.setpriority(os.PRIO_PROCESS, child.pid, NICE)
            ready = receiver.poll(timeout - NICE_AFTER)
        if not ready:
            child.kill()
            raise on_timeout
        status, value = receiver.recv()
    except EOFError:
        raise EndpointError(500, Errors.E071.format(reason="the worker died (the engine crashed on this "
                                                           "request)")) from None
    finally:
        receiver.close()
        child.join(1.0)
        if child.is_alive():
            child.kill()
            child.join()
    if status == "ok":
        return value
    raise EndpointError(*value)


class Scheduler:
    """Admission of requests to ``slots`` concurrent workers, fair between clients.

    Parameters
    ----------
    slots : workers running at once (default: twice the CPUs, at least 4).
    per_client : most workers one client runs at once (default: ``slots - 1``).
    max_waiting : requests allowed to wait; one more is answered 503 at once.
    """

    def __init__(self, slots: int | None = None, *, per_client: int | None = None,
                 max_waiting: int = 64):
        self.slots = slots or max(4, 2 * (os.cpu_count() or 2))
        self.per_client = per_client or max(1, self.slots - 1)
        self.max_waiting = max_waiting
        self.running = 0
        self.by_client: collections.Counter[str] = collections.Counter()
        self.waiting: list[tuple[str, anyio.Event]] = []

    def _may_start(self, client: str) -> bool:
        return self.running < self.slots and self.by_client[client] < self.per_client

    def _wake(self) -> None:
        """Start the waiter whose client runs the fewest workers (oldest first among equals)."""
        while self.running < self.slots:
            ready = [(self.by_client[c], i) for i, (c, _) in enumerate(self.waiting)
                     if self.by_client[c] < self.per_client]
            if not ready:
                return
            _, i = min(ready)
            client, event = self.waiting.pop(i)
            self._take(client)
            event.set()

    def _take(self, client: str) -> None:
        self.running += 1
        self.by_client[client] += 1

    def _give_back(self, client: str) -> None:
        self.running -= 1
        self.by_client[client] -= 1
        if self.by_client[client] <= 0:
            del self.by_client[client]
        self._wake()

    def busy_error(self) -> EndpointError:
        """503 with a Retry-After that grows with the queue."""
        retry = 1 + len(self.waiting) // max(1, self.slots)
        return EndpointError(503, Errors.E093.format(waiting=len(self.waiting), retry=retry),
                             {"Retry-After": str(retry)})

    @contextlib.asynccontextmanager
    async def slot(self, client: str, deadline: float, on_timeout: EndpointError) -> AsyncIterator[None]:
        """Hold a worker slot for ``client``; wait at most until ``deadline`` (``time.monotonic``)."""
        event = anyio.Event()
        entry = (client, event)
        if len(self.waiting) >= self.max_waiting and not self._may_start(client):
            raise self.busy_error()
        self.waiting.append(entry)
        self._wake()  # starts it now if a slot is free for this client
        if not event.is_set():
            try:
                with anyio.move_on_after(max(0.0, deadline - time.monotonic())):
                    await event.wait()
            except BaseException:  # cancelled from outside (the client went away)
                if event.is_set():
                    self._give_back(client)
                else:
                    self.waiting.remove(entry)
                raise
            if not event.is_set():
                self.waiting.remove(entry)
                on_timeout.headers.setdefault("Retry-After", str(max(1, math.ceil(
                    len(self.waiting) / max(1, self.slots)))))
                raise on_timeout
        try:
            yield
        finally:
            self._give_back(client)
