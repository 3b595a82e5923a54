#!/usr/bin/env python3
"""Runs the public xumm-sdk-py against the PushDesk Xumm simulator, with only its base URL changed.

env: SIM_BASE (http://127.0.0.1:PORT), SIM_KEY, SIM_SECRET. Exits non-zero on any failed check.
The SDK hard-codes its status websocket (wss://xumm.app/sign/<uuid>); `sim_sdk.point_sdk_at` rewrites
that origin, as it does the REST base.
"""
import asyncio
import json
import os
import re
import sys
import urllib.request

import xumm
import xumm.client
from xumm.resource.types import XummGetPayloadResponse, XummPushEventRequest

from sim_sdk import point_sdk_at

BASE = point_sdk_at(os.environ["SIM_BASE"])

failures = []
passed = 0


def check(name, ok, detail=""):
    global passed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failures.append(name)
        print(f"FAIL {name} {detail}")


def sim(path):
    with urllib.request.urlopen(BASE + path) as r:
        return json.load(r)


def token_of(name):
    return next(u for u in sim("/_sim/users") if u["name"] == name)["user_token"]


PAYMENT = {"TransactionType": "Payment", "Destination": "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "Amount": "1000000"}


async def main():
    sdk = xumm.XummSdk(os.environ["SIM_KEY"], os.environ["SIM_SECRET"])

    pong = sdk.ping()
    check("ping answers with the application", pong.application.name == "PushDesk Demo", pong.to_dict())

    alice, grace = token_of("alice"), token_of("grace")
    live = sdk.payload.create({"txjson": PAYMENT, "user_token": alice, "custom_meta": {"identifier": "py-live-1"}})
    check("create with a live token is pushed", live.pushed is True)
    dead = sdk.payload.create({"txjson": PAYMENT, "user_token": grace})
    check("create with a dead token is not pushed", dead.pushed is False)

    seen = []

    def on_event(event):
        seen.append(event["data"])
        if "signed" in event["data"]:
            return event["data"]

    subscription = await sdk.payload.subscribe(live.uuid, on_event)
    resolved = await asyncio.wait_for(subscription.resolved(), timeout=60)
    sdk.payload.unsubscribe()
    # Name each message by its kind: the resolve message is the one carrying "signed" (its key order is free).
    keys = ["signed" if "signed" in m else next(iter(m)) for m in seen if "expires_in_seconds" not in m]
    check("subscription sees opened before the resolve message",
          "opened" in keys and "signed" in keys and keys.index("opened") < keys.index("signed"), keys)
    check("resolve message is signed with user_token true", resolved.get("signed") is True and resolved.get("user_token") is True, resolved)

    got = sdk.payload.get(live.uuid)
    check("GET signed payload", got.meta.signed is True and got.meta.resolved is True)
    check("signed txid is 64 hex", re.fullmatch(r"[0-9A-Fa-f]{64}", got.response.txid or "") is not None, got.response.txid)
    check("issued_user_token is the user's token", got.application.issued_user_token == alice)
    check("dispatched_result tesSUCCESS", got.response.dispatched_result == "tesSUCCESS")

    ci = XummGetPayloadResponse(**xumm.client.get(xumm.client.build_url("platform/payload/ci/py-live-1")))
    check("/payload/ci/ lookup finds it", ci.meta.uuid == live.uuid)

    try:
        sdk.payload.create({"txjson": PAYMENT, "custom_meta": {"identifier": "py-live-1"}})
        check("duplicate identifier refused", False, "created twice")
    except Exception as e:  # the SDK raises its own error type
        check("duplicate identifier refused", "604" in str(e) or "rror" in type(e).__name__, repr(e))

    plain = sdk.payload.create({"txjson": PAYMENT})
    first = sdk.payload.cancel(plain.uuid)
    check("cancel a fresh payload: OK", first.result.cancelled is True and first.result.reason == "OK", first.to_dict())
    second = sdk.payload.cancel(plain.uuid)
    check("cancel it again: ALREADY_CANCELLED", second.result.reason == "ALREADY_CANCELLED", second.result.reason)
    third = sdk.payload.cancel(live.uuid)
    check("cancel a signed one: ALREADY_RESOLVED", third.result.reason == "ALREADY_RESOLVED", third.result.reason)

    tokens = sdk.verify_user_tokens([alice, grace, "not-a-token"])
    states = {t.user_token: t.active for t in tokens}
    check("user-tokens (bare list): live active, dead inactive, malformed dropped",
          states == {alice: True, grace: False}, states)

    # The platform endpoints beyond payloads (the simulator runs with --xapp).
    check("get_kyc_status by token (alice: SUCCESSFUL)", sdk.get_kyc_status(alice) == "SUCCESSFUL")
    check("get_kyc_status of an unknown token is NONE", sdk.get_kyc_status("00000000-0000-4000-8000-000000000000") == "NONE")
    alice_account = next(u for u in sim("/_sim/users") if u["name"] == "alice")["account"]
    check("get_kyc_status by account", sdk.get_kyc_status(alice_account) == "SUCCESSFUL")
    assets = sdk.get_curated_assets()
    check("get_curated_assets lists issuers with details", assets.issuers and all(i in assets.details for i in assets.issuers), assets.to_dict())
    tx = sdk.get_transaction(got.response.txid)
    dest = PAYMENT["Destination"]
    check("get_transaction: the destination got 1 XRP",
          tx.txid == got.response.txid and tx.balance_changes.get(dest) == [{"counterparty": "", "currency": "XRP", "value": "1"}],
          tx.to_dict())
    check("get_transaction: delivered_amount is the amount", tx.transaction.get("meta", {}).get("delivered_amount") == "1000000", tx.transaction)
    pushed = sdk.push.push(XummPushEventRequest(user_token=alice, body="Please open our xApp"))
    check("push.push to a live token", pushed.pushed is True, pushed.to_dict())
    event = sdk.push.event(XummPushEventRequest(user_token=alice, subtitle="PushDesk", body="Your card is ready"))
    check("push.event returns pushed and the event's uuid", event.pushed is True and len(event.uuid) == 36, event.to_dict())
    check("the event is in alice's event list", any(e["uuid"] == event.uuid and e["user"] == "alice" for e in sim("/_sim/events")))

    record = {p["uuid"]: p for p in sim("/_sim/payloads")}
    check("simulator's own record agrees", record[live.uuid]["state"] == "signed" and record[plain.uuid]["state"] == "cancelled")


asyncio.run(main())
print(f"{passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
