"""The next batches made in a thread of their own while the training step runs (`ahead`)."""

from __future__ import annotations

from collections.abc import Iterator


def ahead(batches: Iterator, depth: int = 2) -> Iterator:
    """The batches made one or two ahead in a thread of their own while the step runs, so a one-thread seed on a
    2-core CPU augments on the other core (a whole default run 1.1x cheaper, docs/research-record.md). The same bits in the
    same order: augmentation draws only from the seed's own generator, and only this thread draws from it.
    Hand-written rather than a DataLoader: the batches are already tensors, and its worker processes would copy them."""
    import queue
    import threading

    done, stop = object(), threading.Event()
    made: queue.Queue = queue.Queue(maxsize=depth)

    def offer(item) -> bool:
        """Put `item` in the queue unless the loop has stopped taking them (then False)."""
        while not stop.is_set():
            try:
                made.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in batches:
                if not offer(item):
                    return
            offer(done)
        except BaseException as err:  # handed to the loop, which raises it there
            offer(err)

    thread = threading.Thread(target=produce, daemon=True, name="tinydigits-batches")
    thread.start()
    try:
        while (item := made.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:  # the loop ended early (an error, Ctrl-C, a pruned trial): the thread stops at its next batch
        stop.set()
        thread.join()

