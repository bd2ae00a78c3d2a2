# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The offline provider: a crewai LLM with no network that answers from the task's context.

Importing this module imports crewai (seconds), so ``ai`` loads it lazily.
"""

from ._crewai import load_crewai
from .answers import count_tokens, render_answer
from .context import parse_context

load_crewai()

from crewai.llms.base_llm import BaseLLM  # noqa: E402  pylint: disable=wrong-import-position

FINAL_ANSWER = "Thought: I now know the final answer\nFinal Answer: {answer}"
CONTEXT_WINDOW = 32768


def prompt_text(messages):
    """All message contents of a crewai call as one string (a plain string is kept)."""
    if isinstance(messages, str):
        return messages
    parts = []
    for message in messages or []:
        content = message.get("content") if isinstance(message, dict) else message
        if isinstance(content, list):  # multimodal blocks: keep their text parts
            content = " ".join(
                block.get("text", "") for block in content if isinstance(block, dict)
            )
        parts.append(str(content or ""))
    return "\n".join(parts)


class OfflineLLM(BaseLLM):
    """Deterministic, template-based answers in crewai's ReAct "Final Answer:" format.

    It never calls tools: the agent already put the tools' results in the context block,
    so the first turn can always give the final answer. Token counts (four characters a
    token) are tracked like a remote provider's usage, so budgets and run logs work the same.
    """

    llm_type: str = "offline"
    model: str = "offline"
    provider: str = "offline"
    temperature: float | None = 0.0

    def call(
        self,
        messages,
        tools=None,
        callbacks=None,
        available_functions=None,
        from_task=None,
        from_agent=None,
        response_model=None,
    ):
        prompt = prompt_text(messages)
        answer = render_answer(parse_context(prompt))
        response = FINAL_ANSWER.format(answer=answer)
        tokens_in, tokens_out = count_tokens(prompt), count_tokens(response)
        self._track_token_usage_internal(
            {
                "prompt_tokens": tokens_in,
                "completion_tokens": tokens_out,
                "total_tokens": tokens_in + tokens_out,
            }
        )
        return response

    async def acall(
        self,
        messages,
        tools=None,
        callbacks=None,
        available_functions=None,
        from_task=None,
        from_agent=None,
        response_model=None,
    ):
        return self.call(
            messages, tools, callbacks, available_functions, from_task, from_agent, response_model
        )

    def supports_function_calling(self):
        # Text ReAct only: crewai then parses "Final Answer:" from our reply.
        return False

    def supports_stop_words(self):
        return False

    def get_context_window_size(self):
        return CONTEXT_WINDOW

    def get_input_tokens_count(self, messages, tools=None, response_model=None):
        # crewai's fallback logs a warning on every call; ours is the same estimate, quietly.
        return count_tokens(prompt_text(messages))
