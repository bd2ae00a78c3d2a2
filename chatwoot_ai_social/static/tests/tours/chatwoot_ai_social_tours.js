/* Copyright 2026 ChatwootAI
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const noErrorDialog = {
    content: "No error dialog is shown",
    trigger: "body:not(:has(.o_error_dialog))",
};

tours.add("chatwoot_ai_social_approve", {
    steps: () => [
        {
            content: "The Social Inbox lists the comments waiting for a reply",
            trigger: ".o_list_view .o_data_row:contains(Quanto custa o batom?)",
        },
        {
            content: "Open the comment",
            trigger: ".o_data_row:contains(Quanto custa o batom?) .o_data_cell[name='body']",
            run: "click",
        },
        {
            content: "The form shows the drafted reply",
            trigger: ".o_form_view .o_field_widget[name='reply_body'] textarea",
        },
        {
            content: "Edit the reply",
            trigger: ".o_field_widget[name='reply_body'] textarea",
            run: "edit Custa R$ 59,90 e está em estoque!",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        {
            content: "The comment is approved: a job publishes it",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Approved)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_social_inbox_views", {
    steps: () => [
        {
            content: "The Social Inbox opens as a list",
            trigger: ".o_list_view",
        },
        {
            content: "Switch to the kanban by status",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The kanban shows a column of drafted comments",
            trigger: ".o_kanban_group:contains(Drafted) .o_kanban_record",
        },
        {
            content: "Open the filters",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Filter the overdue comments",
            trigger: ".o_filter_menu .o-dropdown-item:contains(Overdue)",
            run: "click",
        },
        {
            content: "The overdue complaint is shown",
            trigger: ".o_kanban_record:contains(nunca chegou)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_social_bulk_approve", {
    steps: () => [
        {
            content: "Select every comment of the list",
            trigger: ".o_list_view thead .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Approve them in bulk",
            trigger: ".o_list_view button[name='action_approve']",
            run: "click",
        },
        {
            content: "Approved, they leave the comments waiting for a reply",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Amei)))",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_social_analysis", {
    steps: () => [
        {
            content: "The social analysis opens as a graph",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "Switch to the pivot",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pivot shows figures per platform",
            trigger: ".o_pivot table .o_pivot_cell_value",
        },
        noErrorDialog,
    ],
});
