/* Copyright 2026 ChatwootAI
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const noErrorDialog = {
    content: "No error dialog is shown",
    trigger: "body:not(:has(.o_error_dialog))",
};

function edit(field, value) {
    return {
        content: `Fill in ${field}`,
        trigger: `.o_field_widget[name='${field}'] input`,
        run: `edit ${value}`,
    };
}

tours.add("chatwoot_ai_base_account_webhook", {
    steps: () => [
        {
            content: "Create a Chatwoot account",
            trigger: ".o_list_button_add",
            run: "click",
        },
        edit("name", "Loja Bela Atendimento"),
        edit("base_url", "https://chat.lojabela.com.br"),
        edit("chatwoot_account_id", "12"),
        edit("api_access_token", "tour-access-token"),
        {
            content: "Save it",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "It is saved",
            trigger: ".o_breadcrumb .active:contains(Loja Bela Atendimento)",
        },
        {
            content: "The form shows the webhook URL to paste into Chatwoot",
            trigger: ".o_field_widget[name='webhook_url']:contains(/chatwoot_ai/webhook/)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_base_suggest_reply", {
    steps: () => [
        {
            content: "The conversation opens on its chat thread",
            trigger: ".o_notebook .tab-pane.active .o_chatwoot_thread .rounded-3",
        },
        {
            content: "Ask the AI for a reply",
            trigger: "button[name='action_suggest_reply']",
            run: "click",
        },
        {
            content: "The drafted reply is shown above the thread",
            trigger: ".alert-info .o_field_widget[name='ai_suggested_reply']:not(:empty)",
            // The first draft of a fresh server loads crewai (seconds on a busy machine).
            timeout: 60000,
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_base_erasure", {
    steps: () => [
        {
            content: "Record a new erasure request",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the person",
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit Tour Erasure Person",
        },
        {
            content: "... from the suggestions",
            trigger: ".o-autocomplete--dropdown-item > a:contains(Tour Erasure Person)",
            run: "click",
        },
        {
            content: "Note how the request arrived",
            trigger: ".o_field_widget[name='note'] textarea",
            run: "edit ticket 2026-0042",
        },
        {
            content: "Erase",
            trigger: "button[name='action_execute']",
            run: "click",
        },
        {
            content: "Confirm: it cannot be undone",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The request is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Done)",
        },
        {
            content: "... and says what was erased",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row",
        },
        noErrorDialog,
    ],
});
