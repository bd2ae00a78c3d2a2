# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The content crew: writes a piece, validates it, retries with the reasons, or flags it.

With the offline provider (``llm=None``) the ``OfflineWriter`` writes from the facts; with a
remote provider a one-agent CrewAI crew writes from ``prompts.task_prompt`` and a rejected
answer is asked again with the validator's reasons, up to ``max_attempts``. A piece that still
fails comes back with ``issues``: the model layer marks it for review with the reason.

When the remote provider cannot be used (not configured, or its call fails after the SDK's own
retries), the offline writer writes the piece instead and ``failures`` says why, so the piece
goes to review with the reason rather than the whole generation failing.
"""

import time
from dataclasses import dataclass, field

from .prompts import GOAL, ROLE, task_prompt
from .validators import validate
from .variants import variant_issues, variant_prompt, write_offline

MAX_ATTEMPTS = 3
#: The reason a piece written offline instead of by the configured provider goes to review.
PROVIDER_FAILED = "provider_failed"
CHARS_PER_TOKEN = 4


@dataclass
class PieceResult:
    kind: str
    language: str
    text: str
    issues: list = field(default_factory=list)
    attempts: int = 1
    tokens_in: int = 0
    tokens_out: int = 0
    latency_ms: int = 0
    prompt: str = ""
    failures: list = field(default_factory=list)


class ContentCrew:
    """Writes pieces for one company (``voice``) with one LLM (``None``: offline)."""

    def __init__(
        self,
        writer,
        voice,
        llm=None,
        crewai_classes=None,
        max_attempts=MAX_ATTEMPTS,
        unavailable="",
    ):
        """``crewai_classes()`` returns (the ``crewai`` module, the ``Crew`` class to use):
        the base addon's loader that switches telemetry off (injected by the model layer).
        ``unavailable`` is why the configured remote provider could not even be built."""
        self.writer = writer
        self.voice = voice
        self.llm = llm
        self.crewai_classes = crewai_classes
        self.max_attempts = max_attempts
        self.unavailable = unavailable

    def compose(self, kind, facts, language, briefs=(), extra=()):
        """A ``PieceResult``; its ``issues`` are the validator's, where ``extra`` lists the
        figures the piece may state besides the product's (the briefs' sizes)."""
        started = time.perf_counter()
        if self.llm is None:
            result = self._write_offline(kind, facts, language, briefs, extra)
            if self.unavailable:
                result.failures.append(f"{PROVIDER_FAILED}: {self.unavailable}")
        else:
            try:
                result = self._write_remote(kind, facts, language, extra)
            except Exception as error:  # noqa: BLE001 - any provider failure: written offline
                result = self._write_offline(kind, facts, language, briefs, extra)
                result.failures.append(f"{PROVIDER_FAILED}: {type(error).__name__}: {error}")
        result.latency_ms = int((time.perf_counter() - started) * 1000)
        return result

    def _price_texts(self, facts, language):
        fmt = self.writer.format_price
        texts = [("Price", fmt(facts.price, facts.currency, language) if facts.price else "")]
        if facts.promotion:
            texts += [
                ("Old price", fmt(facts.promotion.old_price, facts.currency, language)),
                ("New price", fmt(facts.promotion.new_price, facts.currency, language)),
                ("Discount", f"{facts.promotion.discount_percent}%"),
                ("Campaign", facts.promotion.campaign),
            ]
        return texts

    def _write_offline(self, kind, facts, language, briefs, extra=()):
        text = self.writer.compose(kind, facts, self.voice, language, briefs)
        prompt = task_prompt(kind, facts, self.voice, language, self._price_texts(facts, language))
        return PieceResult(
            kind,
            language,
            text,
            issues=[str(i) for i in validate(kind, text, facts, self.voice, extra)],
            tokens_in=len(prompt) // CHARS_PER_TOKEN,
            tokens_out=len(text) // CHARS_PER_TOKEN,
            prompt=prompt,
        )

    def _write_remote(self, kind, facts, language, extra=()):
        feedback, result = (), None
        tokens_in = tokens_out = 0
        for attempt in range(1, self.max_attempts + 1):
            prompt = task_prompt(
                kind, facts, self.voice, language, self._price_texts(facts, language), feedback
            )
            text, used_in, used_out = self._kickoff(prompt, facts.company)
            tokens_in, tokens_out = tokens_in + used_in, tokens_out + used_out
            issues = [str(i) for i in validate(kind, text, facts, self.voice, extra)]
            result = PieceResult(
                kind, language, text, issues, attempt, tokens_in, tokens_out, 0, prompt
            )
            if not issues:
                break
            feedback = issues
        return result

    def compose_variants(self, brief, count, language, seed=""):
        """``count`` campaign message variants (``variants.VariantBrief``), each a
        :class:`PieceResult`; a remote answer that keeps failing the checks is replaced by
        the offline text of its angle, with the issues kept for the run's log."""
        results = []
        for offline in write_offline(brief, count, language, seed):
            started = time.perf_counter()
            result = PieceResult(
                "campaign_variant",
                language,
                offline.text,
                tokens_in=len(offline.prompt) // CHARS_PER_TOKEN,
                tokens_out=len(offline.text) // CHARS_PER_TOKEN,
                prompt=offline.prompt,
            )
            if self.llm is not None:
                try:
                    result = self._remote_variant(brief, offline, language)
                except Exception as error:  # noqa: BLE001 - any provider failure: offline text
                    result.failures.append(f"{PROVIDER_FAILED}: {type(error).__name__}: {error}")
            elif self.unavailable:
                result.failures.append(f"{PROVIDER_FAILED}: {self.unavailable}")
            if result.text in {r.text for r in results}:
                result.issues.append("same text as another variant")
                result.text = offline.text
            result.latency_ms = int((time.perf_counter() - started) * 1000)
            results.append(result)
        return results

    def _remote_variant(self, brief, offline, language):
        prompt = variant_prompt(brief, offline.angle, language)
        tokens_in = tokens_out = 0
        issues = []
        for attempt in range(1, self.max_attempts + 1):
            asked = prompt + ("\nFix: " + "; ".join(issues) if issues else "")
            text, used_in, used_out = self._kickoff(asked, brief.company)
            tokens_in, tokens_out = tokens_in + used_in, tokens_out + used_out
            issues = variant_issues(text, brief.placeholders)
            if not issues:
                return PieceResult(
                    "campaign_variant", language, text, [], attempt, tokens_in, tokens_out, 0,
                    prompt,
                )  # fmt: skip
        return PieceResult(
            "campaign_variant",
            language,
            offline.text,
            issues,
            self.max_attempts,
            tokens_in,
            tokens_out,
            0,
            prompt,
        )

    def _kickoff(self, prompt, company):
        """(text, tokens in, tokens out) of one crew run over the remote LLM."""
        crewai, crew_class = self.crewai_classes()
        agent = crewai.Agent(
            role=ROLE.format(company=company or "the shop"),
            goal=GOAL,
            backstory="You write e-commerce copy and never invent facts.",
            llm=self.llm,
            verbose=False,
            allow_delegation=False,
            max_iter=2,
            max_retry_limit=0,
        )
        task = crewai.Task(description=prompt, expected_output="The text only.", agent=agent)
        crew = crew_class(
            agents=[agent],
            tasks=[task],
            process=crewai.Process.sequential,
            verbose=False,
            memory=False,
            planning=False,
            tracing=False,
            cache=False,
        )
        before = self.llm.get_token_usage_summary()
        output = crew.kickoff()
        after = self.llm.get_token_usage_summary()
        return (
            (output.raw or "").strip(),
            after.prompt_tokens - before.prompt_tokens,
            after.completion_tokens - before.completion_tokens,
        )
