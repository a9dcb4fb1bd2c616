"""Connecting to a Dask cluster: an existing scheduler by its address, or a cluster of
worker processes started on this machine for the length of a run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import UsageError

# distributed annotates neither Client() nor LocalCluster(): the calls below say so.

#: Seconds to wait for a scheduler that does not answer.
CONNECT_TIMEOUT_S = 20


@contextmanager
def dask_client(address: str | None = None, local: int | None = None) -> Iterator[Any]:
    """A ``distributed.Client`` of the scheduler at ``address``, or of a LocalCluster of
    ``local`` worker processes (one thread each: spaCy holds the interpreter lock) that
    is shut down on the way out. Exactly one of the two is given."""
    if (address is None) == (local is None):
        raise UsageError("give either --dask SCHEDULER_ADDRESS or --local N (not both)")
    from distributed import Client, LocalCluster

    if address is not None:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT_S)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(
                f"cannot reach the Dask scheduler at {address} ({exc}); start one with "
                "`dask scheduler` and workers with `dask worker ADDRESS --nthreads 1`"
            ) from exc
        with client:
            try:
                client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
            except TimeoutError as exc:
                raise UsageError(
                    f"the Dask scheduler at {address} has no workers; start some with "
                    f"`dask worker {address} --nthreads 1`"
                ) from exc
            yield client
        return
    with (
        LocalCluster(  # type: ignore[no-untyped-call]  # unannotated in distributed
            n_workers=local,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,  # logging.ERROR: the run's own output stays readable
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client
