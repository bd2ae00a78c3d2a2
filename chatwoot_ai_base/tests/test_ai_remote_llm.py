# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A remote, OpenAI-compatible LLM through crewai's real client, against a local fake.

The fake (``fake_chatwoot.FakeChatwoot``, a scripted HTTP server) stands in for Ollama,
vLLM or OpenAI at ``/v1/chat/completions``: the request goes over a socket through the
OpenAI SDK that crewai uses, with its timeouts and retries.
"""

import importlib.util
import json
import logging
import os
import socket
import unittest
from unittest import mock

from odoo.tests import BaseCase

from ..ai import LLMSettings, LLMUnavailable, build_llm
from ..ai._crewai import CREWAI_FLOW_LOGGER, load_crewai
from ..ai.agent import CustomerAgent
from ..ai.context import BEGIN
from ..ai.settings import model_id
from .fake_chatwoot import FakeChatwoot
from .test_ai_agent import PROFILE, FakeShop

PATH = "/v1/chat/completions"


def completion(content, prompt_tokens=321, completion_tokens=17):
    return {
        "json": {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1767225600,
            "model": "llama3.1",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RemoteCase(BaseCase):
    def setUp(self):
        super().setUp()
        self.fake = FakeChatwoot().start()
        self.addCleanup(self.fake.stop)

    def settings(self, **overrides):
        values = {
            "provider": "openai",
            "model": "llama3.1",
            "base_url": f"{self.fake.url}/v1",
            "api_key": "sk-test",
            "timeout": 5.0,
            "max_retries": 0,
        }
        values.update(overrides)
        return LLMSettings(**values)

    def reply(self, settings, messages):
        return CustomerAgent(build_llm(settings), FakeShop().tools(), PROFILE).reply(messages)


class TestRemoteAnswers(RemoteCase):
    def test_answer_comes_over_http_with_the_context(self):
        self.fake.script(
            "POST", PATH, [completion("O Batom Matte Rubi custa R$ 59,90 e está em estoque.")]
        )
        reply = self.reply(self.settings(), ["quanto custa o batom?"])
        self.assertFalse(reply.handoff)
        self.assertEqual(reply.text, "O Batom Matte Rubi custa R$ 59,90 e está em estoque.")
        self.assertEqual((reply.tokens_in, reply.tokens_out), (321, 17))
        (request,) = self.fake.requests_to("POST", PATH)
        self.assertEqual(request.headers["authorization"], "Bearer sk-test")
        body = request.json
        self.assertEqual(body["model"], "llama3.1")
        self.assertEqual(body["max_tokens"], 600)
        prompt = json.dumps(body["messages"], ensure_ascii=False)
        self.assertIn(BEGIN, prompt)
        self.assertIn("R$ 59,90", prompt)  # the price_text the LLM must quote
        # The read-only tools are offered to the model as functions.
        tools = {tool["function"]["name"] for tool in body.get("tools", [])}
        self.assertEqual(
            tools, {"search_products", "customer_orders", "search_knowledge", "customer_profile"}
        )

    def test_no_answer_marker_hands_off(self):
        self.fake.script("POST", PATH, [completion("[NO_ANSWER]")])
        reply = self.reply(self.settings(), ["qual a capital da França?"])
        self.assertTrue(reply.handoff)
        self.assertEqual(reply.handoff_reason, "low_confidence")
        self.assertEqual(reply.tokens_in, 321)

    def test_local_server_without_key_gets_a_placeholder(self):
        self.fake.script("POST", PATH, [completion("Olá!")])
        reply = self.reply(self.settings(api_key=""), ["oi"])
        self.assertEqual(reply.text, "Olá!")
        (request,) = self.fake.requests_to("POST", PATH)
        self.assertTrue(request.headers["authorization"].startswith("Bearer "))


class TestRemoteFailures(RemoteCase):
    def test_server_errors_raise_after_the_retries(self):
        self.fake.script("POST", PATH, [{"status": 500, "json": {"error": {"message": "boom"}}}])
        # crewai's own failure lines stay below ERROR: the caller decides what is an error.
        with self.assertNoLogs(level="ERROR"), self.assertRaises(LLMUnavailable):
            self.reply(self.settings(max_retries=1), ["quanto custa o batom?"])
        self.assertEqual(len(self.fake.requests_to("POST", PATH)), 2)

    def test_timeouts_raise_after_the_retries(self):
        self.fake.script("POST", PATH, [{"delay": 3, **completion("late")}])
        with self.assertRaises(LLMUnavailable):
            self.reply(self.settings(timeout=0.3, max_retries=1), ["quanto custa o batom?"])
        self.assertEqual(len(self.fake.requests_to("POST", PATH)), 2)

    def test_refused_connection_raises(self):
        settings = self.settings(base_url=f"http://127.0.0.1:{free_port()}/v1")
        with self.assertRaises(LLMUnavailable):
            self.reply(settings, ["quanto custa o batom?"])

    def test_rule_handoff_needs_no_llm(self):
        # A dead endpoint does not matter when the hub already hands off.
        self.fake.script("POST", PATH, [{"status": 500}])
        reply = self.reply(self.settings(), ["quero falar com um atendente"])
        self.assertEqual(reply.handoff_reason, "human_request")
        self.assertEqual(self.fake.requests, [])


class TestCrewaiFailureLines(BaseCase):
    def record(self, name, pathname, msg):
        return logging.getLogger(name).makeRecord(name, logging.ERROR, pathname, 1, msg, (), None)

    def test_only_crewai_failure_lines_are_downgraded(self):
        crewai = load_crewai()
        crewai_file = os.path.join(os.path.dirname(crewai.__file__), "llms", "completion.py")
        root = logging.getLogger()
        flow = logging.getLogger(CREWAI_FLOW_LOGGER)
        ours = logging.getLogger("odoo.addons.chatwoot_ai_base")
        with self.assertLogs(level=logging.INFO) as logs:  # Odoo names level 25 "INFO" too
            root.handle(self.record("root", crewai_file, "OpenAI API call failed: 500"))
            flow.handle(self.record(flow.name, crewai_file, "Error executing listener x: 500"))
            flow.handle(self.record(flow.name, crewai_file, "Flow state is corrupt"))
            root.handle(self.record("root", __file__, "a root error of ours"))
            ours.handle(self.record(ours.name, crewai_file, "OpenAI API call failed: ours"))
        levels = {record.getMessage(): record.levelname for record in logs.records}
        self.assertEqual(
            levels,
            {
                "OpenAI API call failed: 500": "INFO",
                "Error executing listener x: 500": "INFO",
                "Flow state is corrupt": "ERROR",
                "a root error of ours": "ERROR",
                "OpenAI API call failed: ours": "ERROR",
            },
        )


class TestBuildLLM(BaseCase):
    def test_offline_is_the_default(self):
        llm = build_llm(LLMSettings())
        self.assertEqual(llm.llm_type, "offline")

    def test_model_ids(self):
        self.assertEqual(
            model_id(LLMSettings(provider="openai", model="gpt-4o-mini")), "openai/gpt-4o-mini"
        )
        self.assertEqual(
            model_id(LLMSettings(provider="anthropic", model="claude-3-5-haiku-latest")),
            "anthropic/claude-3-5-haiku-latest",
        )
        self.assertEqual(
            model_id(LLMSettings(provider="custom", model="ollama/llama3.1")), "ollama/llama3.1"
        )

    def test_settings_reach_the_client(self):
        llm = build_llm(
            LLMSettings(
                provider="openai",
                model="gpt-4o-mini",
                api_key="k",
                temperature=0.7,
                max_tokens=99,
                timeout=7.5,
                max_retries=4,
            )
        )
        self.assertEqual((llm.model, llm.temperature, llm.max_tokens), ("gpt-4o-mini", 0.7, 99))
        self.assertEqual((llm.timeout, llm.max_retries), (7.5, 4))

    def test_unusable_settings_raise_llm_unavailable(self):
        for settings in (
            LLMSettings(provider="nope", model="x"),
            LLMSettings(provider="openai", model=""),
        ):
            with self.subTest(settings=settings), self.assertRaises(LLMUnavailable):
                build_llm(settings)

    def test_hosted_api_without_a_key_raises_llm_unavailable(self):
        for provider, variable in (
            ("openai", "OPENAI_API_KEY"),
            ("anthropic", "ANTHROPIC_API_KEY"),
        ):
            with mock.patch.dict(os.environ, {variable: ""}), self.assertRaises(LLMUnavailable):
                build_llm(LLMSettings(provider=provider, model="some-model"))


@unittest.skipIf(importlib.util.find_spec("anthropic"), "the native Anthropic client is used")
class TestAnthropicWithoutItsSDK(RemoteCase):
    def test_goes_through_the_openai_compatible_endpoint(self):
        self.fake.script("POST", PATH, [completion("Hello from Claude")])
        settings = self.settings(provider="anthropic", model="claude-3-5-haiku-latest")
        reply = self.reply(settings, ["hi"])
        self.assertEqual(reply.text, "Hello from Claude")
        (request,) = self.fake.requests_to("POST", PATH)
        self.assertEqual(request.json["model"], "claude-3-5-haiku-latest")

    def test_default_endpoint_is_anthropic(self):
        llm = build_llm(
            LLMSettings(provider="anthropic", model="claude-3-5-haiku-latest", api_key="k")
        )
        self.assertEqual(llm.base_url, "https://api.anthropic.com/v1/")
