/** The public pages, in navigation order: read by the layout, the sitemap, the browser tests and the benchmark. */
export const publicPages = [
  { path: "/", label: "Home", kind: "guide" },
  { path: "/insurance", label: "Insurance", kind: "guide" },
  { path: "/pricing", label: "Pricing", kind: "guide" },
  { path: "/estimate", label: "Cost estimator", kind: "tool" },
  { path: "/mva", label: "Car accidents", kind: "guide" },
  { path: "/forms/prescription", label: "Send a prescription", kind: "form" },
  { path: "/forms/mva-claim", label: "Send claim details", kind: "form" },
  { path: "/privacy", label: "Privacy", kind: "guide" },
] as const;
