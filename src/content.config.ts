import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

/** One group of questions on the printable insurance checklist. */
const checklistGroup = z.object({
  heading: z.string(),
  intro: z.string().optional(),
  items: z.array(z.object({ question: z.string(), note: z.string().optional() })),
});

/**
 * The guidance prose, one Markdown entry per page and language (`en/insurance.md`, `es/insurance.md`):
 * a clinic edits its words here without touching code. Clinic facts are never written in the prose:
 * `{{name}}` placeholders are filled from the clinic configuration (src/components/GuidePage.astro).
 */
const pages = defineCollection({
  // Ids are "<lang>/<page>", "en/index" included (the default would shorten it to "en").
  loader: glob({
    pattern: "*/*.md",
    base: "./src/content/pages",
    generateId: ({ entry }) => entry.replace(/\.md$/, ""),
  }),
  schema: z.object({
    /** The page title, before " | clinic name". */
    title: z.string(),
    description: z.string(),
    heading: z.string(),
    /** The lead paragraph; a page that shows something between heading and lead writes it in its body. */
    lead: z.string().optional(),
    checklist: z
      .object({
        heading: z.string(),
        /** May hold inline HTML (<strong>). */
        printHint: z.string(),
        writeIns: z.array(z.string()),
        groups: z.array(checklistGroup),
        estimatePrompt: z.string(),
        estimateLink: z.string(),
        estimatePrint: z.string(),
      })
      .optional(),
  }),
});

export const collections = { pages };
