/* Copyright 2026 ChatwootAI
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const noErrorDialog = {
    content: "No error dialog is shown",
    trigger: "body:not(:has(.o_error_dialog))",
};

tours.add("chatwoot_ai_social_merge_suggestions", {
    steps: () => [
        {
            content: "The merge suggestions to decide are listed",
            trigger: ".o_list_view .o_data_row:contains(Rita Tour Duplicada)",
        },
        {
            content: "Reject the weak suggestion from the list",
            trigger: ".o_data_row:contains(Rita Tour Duplicada) button[name='action_reject']",
            run: "click",
        },
        {
            content: "It leaves the list of suggestions to decide",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Rita Tour Duplicada)))",
        },
        {
            content: "Open the other suggestion",
            trigger: ".o_data_row:contains(Caio Tour Duplicado) td.o_data_cell",
            run: "click",
        },
        {
            content: "The form shows the evidence",
            trigger: ".o_form_view div[name='evidence_note']:contains(Same phone)",
        },
        {
            content: "Accept and merge",
            trigger: ".o_form_view button[name='action_accept']",
            run: "click",
        },
        {
            content: "Confirm the merge",
            trigger: ".modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The suggestion is merged",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Merged)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_social_mercadolivre_account", {
    steps: () => [
        {
            content: "The Mercado Livre account shows its credentials to the manager",
            trigger: ".o_form_view div[name='client_id']",
        },
        {
            content: "Test the connection",
            trigger: "button[name='action_test_marketplace_connection']",
            run: "click",
        },
        {
            content: "Mercado Livre answered for the seller",
            trigger: ".o_notification:contains(Connected as LOJABELA)",
        },
        {
            content: "Fetch the unanswered questions now",
            trigger: "button[name='action_fetch_marketplace_questions']",
            run: "click",
        },
        {
            content: "The question is queued for the social inbox",
            trigger: ".o_notification:contains(1 new question(s) queued)",
        },
        noErrorDialog,
    ],
});
