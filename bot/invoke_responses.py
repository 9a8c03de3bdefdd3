"""Bodies of Universal Actions (`adaptiveCard/action`) invoke responses, as plain dicts.

botbuilder's AdaptiveCardInvokeResponse cannot serialise a string value (the message type), so
the bot builds the documented JSON shapes itself.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from adaptive_cards.base import CARD_CONTENT_TYPE

MESSAGE_TYPE = "application/vnd.microsoft.activity.message"
ERROR_TYPE = "application/vnd.microsoft.error"


def card_response(card: dict[str, Any]) -> InvokeResponse:
    """Replace the card the user acted on with `card`."""
    return InvokeResponse(status=HTTPStatus.OK, body={"statusCode": 200, "type": CARD_CONTENT_TYPE, "value": card})


def message_response(text: str) -> InvokeResponse:
    """Show `text` to the user who pressed the button; the card stays as it is."""
    return InvokeResponse(status=HTTPStatus.OK, body={"statusCode": 200, "type": MESSAGE_TYPE, "value": text})


def error_response(status: HTTPStatus, code: str, message: str) -> InvokeResponse:
    """A protocol error (malformed invoke), in the Universal Actions error shape."""
    return InvokeResponse(
        status=status,
        body={
            "statusCode": int(status),
            "type": ERROR_TYPE,
            "value": {"code": code, "message": message},
        },
    )


# Where CloudAdapter looks for the invoke response (botbuilder's own key).
INVOKE_RESPONSE_KEY = "BotFrameworkAdapter.InvokeResponse"


def store_invoke_response(turn_context: TurnContext, response: InvokeResponse) -> None:
    """Hand the response to the adapter directly.

    ActivityHandler would otherwise "send" it as an activity, and TurnContext deep-copies every
    activity it sends: for a card that is about a millisecond of CPU on every button press.
    """
    turn_context.turn_state[INVOKE_RESPONSE_KEY] = Activity(type=ActivityTypes.invoke_response, value=response)
