/* Copyright 2026 ChatwootAI
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const noErrorDialog = {
    content: "No error dialog is shown",
    trigger: "body:not(:has(.o_error_dialog))",
};

tours.add("chatwoot_ai_campaign_create", {
    steps: () => [
        {
            content: "Create a campaign from the list",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Tour Promo",
        },
        {
            content: "Pick the Chatwoot account",
            trigger: ".o_field_widget[name='account_id'] input",
            run: "edit Loja Tour",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Loja Tour)",
            run: "click",
        },
        {
            content: "Write the message with a placeholder",
            trigger: ".o_notebook a[name='message']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='message'] textarea",
            run: "edit Oi {first_name}, chegou novidade!",
        },
        {
            content: "Add a sender",
            trigger: ".o_notebook a[name='senders']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='sender_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='sender_ids'] .o_data_row .o_field_widget[name='inbox_id'] input",
            run: "edit Site Tour",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Site Tour)",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved as a draft",
            trigger: ".o_form_saved .o_statusbar_status button.o_arrow_button_current:contains(Draft)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_campaign_launch", {
    steps: () => [
        {
            content: "The audience tab previews who gets it",
            trigger: ".o_notebook a[name='audience']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='audience_preview_ids'] .o_data_row:contains(Tour Cliente 1)",
        },
        {
            content: "Send a test first",
            trigger: "button[name='action_send_test']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='partner_id'] input",
            run: "edit Tour Cliente 1",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Cliente 1)",
            run: "click",
        },
        {
            trigger: ".modal button[name='action_send']",
            run: "click",
        },
        {
            content: "The test went out",
            trigger: ".modal .o_field_widget[name='result']:contains(Test sent)",
        },
        {
            trigger: ".modal .modal-footer button.btn-secondary",
            run: "click",
        },
        {
            content: "Launch",
            trigger: ".o_form_view:not(:has(.modal)) button[name='action_launch']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "It runs",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Running)",
        },
        {
            content: "Pause it",
            trigger: "button[name='action_pause']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Paused)",
        },
        {
            content: "Resume it",
            trigger: "button[name='action_resume']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Running)",
        },
        {
            content: "The results tab counts the queue and the skips",
            trigger: ".o_notebook a[name='results']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='skip_summary']:contains(No consent: 1)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_campaign_funnel", {
    steps: () => [
        {
            content: "The funnel opens as a graph",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "Switch to the pivot",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pivot shows figures per campaign and stage",
            trigger: ".o_pivot table .o_pivot_cell_value",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_campaign_rows", {
    steps: () => [
        {
            content: "The list shows rows",
            trigger: ".o_list_view .o_data_row",
        },
        {
            content: "Open the first one",
            trigger: ".o_list_view .o_data_row td.o_data_cell",
            run: "click",
        },
        {
            content: "Its form opens",
            trigger: ".o_form_view .o_form_sheet",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_campaign_kanban", {
    steps: () => [
        {
            content: "Switch the campaigns to the kanban",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "Campaigns are cards by status",
            trigger: ".o_kanban_record:contains(Tour Promo)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_campaign_variants", {
    steps: () => [
        {
            content: "Open the message tab",
            trigger: ".o_notebook a[name='message']",
            run: "click",
        },
        {
            content: "Say what the campaign offers",
            trigger: ".o_field_widget[name='ai_offer'] input",
            run: "edit 10% em tudo",
        },
        {
            content: "Ask for two variants",
            trigger: ".o_field_widget[name='ai_variant_count'] input",
            run: "edit 2",
        },
        {
            content: "Let the content crew write them",
            trigger: "button[name='action_write_variants']",
            run: "click",
        },
        {
            content: "Two variants are listed, written with the offer",
            trigger: ".o_field_widget[name='variant_ids'] .o_data_row:nth-child(2):contains(10% em tudo)",
        },
        noErrorDialog,
    ],
});
