/* Copyright 2026 ChatwootAI
   License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import {registry} from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const noErrorDialog = {
    content: "No error dialog is shown",
    trigger: "body:not(:has(.o_error_dialog))",
};

tours.add("chatwoot_ai_analytics_refresh", {
    steps: () => [
        {
            content: "The Customer Insights list offers Refresh Analytics",
            trigger: ".o_list_view",
        },
        {
            content: "Click Refresh Analytics",
            trigger: "button[name='action_refresh_queued']",
            run: "click",
        },
        {
            content: "The refresh is queued and the user told so",
            trigger: ".o_notification:contains(The analytics refresh started)",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_analytics_insight_tab", {
    steps: () => [
        {
            content: "Open the Customer Insight tab of the contact",
            trigger: ".o_notebook a[name='chatwoot_insight']",
            run: "click",
        },
        {
            content: "The tab shows the customer's segment",
            trigger: ".o_notebook .tab-pane.active div[name='chatwoot_rfm_segment'] .badge",
        },
        {
            content: "... and the churn risk",
            trigger: ".o_notebook .tab-pane.active div[name='chatwoot_churn_risk'] .badge",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_analytics_graphs", {
    steps: () => [
        {
            content: "The conversation analysis opens as a graph",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "Switch to the pivot",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pivot shows figures",
            trigger: ".o_pivot table .o_pivot_cell_value",
        },
        noErrorDialog,
    ],
});

tours.add("chatwoot_ai_analytics_overview_dashboard", {
    steps: () => [
        {
            content: "Open the ChatwootAI Overview dashboard",
            trigger: ".o_search_panel_category_value[data-name='ChatwootAI Overview']",
            run: "click",
        },
        {
            content: "It is the active dashboard",
            trigger: ".o_search_panel_category_value.active[data-name='ChatwootAI Overview']",
        },
        {
            content: "Its four charts are drawn",
            trigger: ".o-spreadsheet .o-figure:eq(3) canvas",
        },
        noErrorDialog,
    ],
});
