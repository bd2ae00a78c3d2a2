/* Copyright 2026 ChatwootAI
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const noErrorDialog = {
    content: "No error dialog is shown",
    trigger: "body:not(:has(.o_error_dialog))",
};
const statusIs = (value) => ({
    content: `The status is ${value}`,
    trigger: `.o_statusbar_status button.o_arrow_button_current[data-value='${value}']`,
});
const click = (content, trigger) => ({content, trigger, run: "click"});

tours.add("chatwoot_ai_content_batch", {
    steps: () => [
        {content: "The batch lists its products", trigger: ".o_field_x2many .o_data_row"},
        click("Write Content", ".o_form_view button[name='action_start']"),
        statusIs("running"),
        {content: "The progress is shown", trigger: "div[name='progress_label']:contains(0 / 2)"},
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_content_review", {
    steps: () => [
        click("Submit the piece for review", "button[name='action_submit']"),
        statusIs("review"),
        click("Approve it", "button[name='action_approve']"),
        statusIs("approved"),
        click("Apply it to the product", "button[name='action_apply_to_product']"),
        {content: "The diff is shown before writing", trigger: ".modal table.diff"},
        click("Apply", ".modal button[name='action_apply']"),
        {content: "Who applied it is recorded", trigger: "div[name='applied_by_id']"},
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_content_restore_version", {
    steps: () => [
        {
            content: "The piece shows the edited text",
            trigger: "div[name='body'] textarea:value(Texto editado pela equipe)",
        },
        click("Open the versions", "a.nav-link[name='versions']"),
        {
            content: "The previous text is kept, with why it was replaced",
            trigger: "div[name='version_ids'] .o_data_row td[name='reason']:contains(Edited)",
        },
        click(
            "Restore it",
            "div[name='version_ids'] .o_data_row button[name='action_restore']"
        ),
        {
            content: "The edited text is kept as a version in turn",
            trigger: "div[name='version_ids'] .o_data_row td[name='reason']:contains(Restored)",
        },
        click("Back to the text", "a.nav-link[name='body']"),
        {
            content: "The text the crew wrote is back",
            trigger: "div[name='body'] textarea:not(:value(Texto editado pela equipe))",
        },
        statusIs("draft"),
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_content_schedule", {
    steps: () => [
        click("Schedule the approved Facebook post", "button[name='action_schedule_post']"),
        {
            content: "A post of the piece opens with the Page chosen",
            trigger: ".o_form_view div[name='account_id'] input:value(Loja Bela FB)",
        },
        click("Save the post", ".o_form_button_save"),
        statusIs("scheduled"),
        click("Publish it now", "button[name='action_publish_now']"),
        statusIs("publishing"),
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_content_calendar", {
    steps: () => [
        {content: "The content calendar opens", trigger: ".o_calendar_view"},
        click("Switch to the kanban", ".o_switch_view.o_kanban"),
        {content: "Posts by state", trigger: ".o_kanban_view .o_kanban_group"},
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_content_pieces", {
    steps: () => [
        {content: "The pieces list opens", trigger: ".o_list_view .o_data_row"},
        click("Switch to the kanban", ".o_switch_view.o_kanban"),
        {content: "Pieces by state", trigger: ".o_kanban_view .o_kanban_record"},
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_content_view_opens", {
    steps: () => [
        {content: "The screen opens", trigger: ".o_action_manager .o_view_controller"},
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_content_what_works", {
    steps: () => [
        {content: "Cells per dimension and value", trigger: ".o_list_view .o_data_row"},
        click("Refresh them", "button[name='action_refresh']"),
        {content: "The cells are back", trigger: ".o_list_view .o_data_row"},
        click("Switch to the pivot", ".o_switch_view.o_pivot"),
        {content: "The pivot shows rates", trigger: ".o_pivot table .o_pivot_cell_value"},
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_content_conversions", {
    steps: () => [
        {content: "Conversions open as a graph", trigger: ".o_graph_renderer canvas"},
        click("Switch to the pivot", ".o_switch_view.o_pivot"),
        {content: "The pivot shows figures", trigger: ".o_pivot table .o_pivot_cell_value"},
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_content_campaign", {
    steps: () => [
        {content: "The campaign shows its results", trigger: "div[name='content_roi']"},
        click("Open its content calendar", "button[name='action_content_calendar']"),
        {content: "The calendar of its posts", trigger: ".o_calendar_view"},
        noErrorDialog,
    ],
});
