"""Points the public xumm-sdk-py at a PushDesk simulator: its REST base and its status websocket.

The SDK hard-codes its status websocket (wss://xumm.app/sign/<uuid>); its websocket client is
replaced by a subclass that rewrites that origin, as the REST base is rewritten.
"""
import xumm
import xumm.client
import xumm.resource.payload as payload_module


def point_sdk_at(base):
    """Sends every REST call and status subscription of the SDK to the simulator at `base`."""
    base = base.rstrip("/")
    ws_origin = base.replace("http://", "ws://")
    xumm.api_base = base + "/api/v1/"
    xumm.client.api_base = base + "/api/v1/"
    sdk_ws_client = payload_module.WSClient

    class SimWSClient(sdk_ws_client):
        def __init__(self, *args, server=None, **kwargs):
            super().__init__(*args, server=server.replace("wss://xumm.app", ws_origin), **kwargs)

    payload_module.WSClient = SimWSClient
    return base
