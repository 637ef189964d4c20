"""Ingest workers: adding articles (reading, fetching URLs, embedding) runs here, never on the threads
that answer questions, so a slow URL or a big upload cannot stall anyone's chat or API call.

A fixed pool of threads takes the jobs; at most `workers + max_waiting` jobs are held at once, and
one more is refused at once with `WorkersBusy` (the API answers 503 with Retry-After) instead of
queueing without bound. Writes into the index are one at a time anyway (the ingest holds the
index's writer lock); what runs side by side is the reading and fetching.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from assistant import BylineError

P = ParamSpec("P")
T = TypeVar("T")


class WorkersBusy(BylineError):
    """Every ingest worker is busy and the waiting line is full; try again shortly."""


class IngestWorkers:
    def __init__(self, workers: int, max_waiting: int):
        self.capacity = workers + max_waiting
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="byline-ingest")
        self._slots = threading.BoundedSemaphore(self.capacity)

    def submit(self, job: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        """Run `job` on an ingest worker; raises WorkersBusy when `capacity` jobs are already held."""
        if not self._slots.acquire(blocking=False):
            raise WorkersBusy(f"all ingest workers are busy ({self.capacity} jobs running or waiting); try again shortly")
        try:
            future = self._pool.submit(job, *args, **kwargs)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _: self._slots.release())
        return future

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
