#!/usr/bin/env python3
"""The loop benchmark's workload through the public xumm-sdk-py, for `pushdesk-bench loop --python`.

For every token: create a SignIn payload pushed to it and subscribe to its status (the SDK's
create_and_subscribe), wait for the resolve message, then GET the result, as an SDK user reads the
txid. Same simulator, same users, same order as PushDesk's run; only the SDK's base URL and
websocket origin are pointed at the simulator.

env: SIM_BASE, SIM_KEY, SIM_SECRET, TOKENS_FILE (a JSON list of user tokens).
Prints `sdk-wall-seconds S` on success.

Notes on the SDK (1.0.x): subscriptions share one class-level callback, so one callback serves all
and tells payloads apart by uuid; `subscription.resolved()` busy-waits on the event loop, so we wait
on a threading.Event that the callback sets instead.
"""
import asyncio
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import xumm

from sim_sdk import point_sdk_at

point_sdk_at(os.environ["SIM_BASE"])

tokens = json.load(open(os.environ["TOKENS_FILE"]))
sdk = xumm.XummSdk(os.environ["SIM_KEY"], os.environ["SIM_SECRET"])
lock = threading.Lock()
sockets = {}
outcomes = {}
all_done = threading.Event()
getters = ThreadPoolExecutor(max_workers=8)


def fetch(uuid):
    got = sdk.payload.get(uuid)
    with lock:
        outcomes[uuid] = "signed" if got.meta.signed else ("expired" if got.meta.expired else "other")
        socket = sockets.pop(uuid, None)
        if len(outcomes) == len(tokens):
            all_done.set()
    if socket is not None:
        threading.Thread(target=socket.disconnect, daemon=True).start()


def on_event(event):
    data = event["data"]
    if isinstance(data, dict) and ("signed" in data or data.get("expired") is True):
        uuid = event["uuid"]
        with lock:
            first = uuid not in outcomes and uuid not in seen
            seen.add(uuid)
        if first:
            getters.submit(fetch, uuid)
        return data


seen = set()


async def push_all():
    for token in tokens:
        body = {"txjson": {"TransactionType": "SignIn"}, "user_token": token}
        both = await sdk.payload.create_and_subscribe(body, on_event)
        with lock:
            if both.created.uuid not in outcomes:
                sockets[both.created.uuid] = both.websocket


started = time.monotonic()
asyncio.run(push_all())
finished = all_done.wait(timeout=300)
wall = time.monotonic() - started
signed = sum(1 for o in outcomes.values() if o == "signed")
print(f"loop: xumm-sdk-py: {len(tokens)} created + subscribed: {len(outcomes)} final ({signed} signed), wall {wall:.2f} s")
if finished:
    print(f"sdk-wall-seconds {wall:.3f}")
sys.stdout.flush()
# The SDK's websocket threads are not daemons; end without waiting for stragglers.
os._exit(0 if finished else 1)
