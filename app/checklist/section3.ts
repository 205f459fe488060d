/**
 * Inspiring Learning for All, detailed checklist, Section 3 "Partnerships", as data.
 *
 * The wording is the toolkit's, character for character (tests/checklist.test.ts compares it with
 * docs/sources/ilfa-section-3-partnerships-checklist.txt): assessors compare the screen with the
 * paper. Codes never change once published, because assessments and evidence refer to them:
 * - elements `3.1`…`3.3`; actions `3.1.1`…`3.3.2`;
 * - answerable action lines: the action's own code when it is answered whole (`3.1.3`), or a
 *   letter for each part the toolkit answers separately (`3.1.1a`, `3.1.1b`);
 * - evidence prompts `3.1.E1`…, numbered in order within their element.
 */

export const CHECKLIST_VERSION = "ilfa-section-3-v1";

export type ActionAnswer = "yes" | "started" | "no";
export type PromptAnswer = "yes" | "no";

export type ActionLine = {
  kind: "action";
  code: string;
  actionCode: string;
  elementCode: string;
  /** The part's own words, or null when the action is answered whole. */
  part: string | null;
};

export type PromptLine = {
  kind: "prompt";
  code: string;
  elementCode: string;
  leadIn: string;
  text: string;
};

export type ChecklistLine = ActionLine | PromptLine;

export type Action = {
  code: string;
  elementCode: string;
  question: string;
  footnote?: number;
  lines: ActionLine[];
};

export type PromptGroup = { leadIn: string; lines: PromptLine[] };

export type Element = {
  code: string;
  question: string;
  actions: Action[];
  promptGroups: PromptGroup[];
};

export const SECTION = {
  title: "Section 3 PARTNERSHIPS",
  subtitle: "Building creative learning partnerships",
  toolkit: "Inspiring Learning",
  toolkitSubtitle: "IMPROVEMENT TOOLKIT FOR MUSEUMS, LIBRARIES AND ARCHIVES",
  checklistTitle: "INSPIRING LEARNING - DETAILED CHECKLIST",
  intro: [
    "Have you and your colleagues or partners used the quick checklist for an overview of your organisation?",
    "Now use this detailed checklist to explore your work more deeply. The checklist will also prompt you to provide evidence that supports your claims.",
    "The PARTNERSHIPS key principle has 3 elements and each of these has two sections.",
  ],
  sections: [
    "Questions to establish the extent to which you are following best practice in this area",
    "Questions to establish whether you have evidence of the outcomes and impact of these processes",
  ],
  advice:
    "We recommend that you focus on this section and work through it as a team in detail, before you move to action planning. Try to be as honest as possible in your responses.",
  note: "PLEASE NOTE: NOT ALL THE EVIDENCE EXAMPLES WILL BE RELEVANT TO EVERY MUSEUM, ARCHIVE OR LIBRARY",
  actionsHeading: "Actions",
  evidenceHeading: "Evidence of good practice processes and outcomes",
  areasForImprovement: "Areas for Improvement",
} as const;

export const FOOTNOTES: Record<number, string> = {
  1: "Such as reminiscence groups, after school clubs, social rehabilitation programmes, health trusts, training agencies.",
  2: "E.g. volunteers, work experience students, friends groups, interns, community groups, pupil librarians and other users including overseas users.",
  3: "External contributors may include writers, youth workers, artists, dancers, IT specialists.",
};

type ActionSource = { code: string; question: string; footnote?: number; parts?: string[] };
type PromptSource = { leadIn: string; prompts: string[] };
type ElementSource = { code: string; question: string; actions: ActionSource[]; evidence: PromptSource[] };

const source: ElementSource[] = [
  {
    code: "3.1",
    question:
      "Do you identify suitable partners and evaluate the benefits of working in partnership to support learning?",
    actions: [
      {
        code: "3.1.1",
        question:
          "Do you actively look for partners when developing new initiatives and find ways to build on and use the skills and experiences of others?",
        parts: ["actively look for partners", "Find ways to build on their skills and experiences"],
      },
      {
        code: "3.1.2",
        question:
          "Do you encourage partners to become advocates for your work and to help create a bridge for extending on-site and off-site services?",
        parts: ["Advocates", "On-site services", "Off-site services"],
      },
      {
        code: "3.1.3",
        question:
          "Do you regularly review and evaluate your working arrangements and their ongoing relevance in respect of partnerships and projects?",
      },
    ],
    evidence: [
      {
        leadIn: "Have you:",
        prompts: [
          "identified a range of partners with whom you might work effectively",
          "identified how the work of partner organisations adds value to your own work",
          "promoted the benefits users derive from partnership working",
          "made links with new or infrequent user groups (potential partners) that more broadly represent the learning community (eg: colleges, community groups, specialist interest groups)",
          "reviewed, recorded and reinforced the benefits of working with partners and the lessons learnt",
          "strategies in place for partners to give their views on the relevance and impact of services",
          "acted on decisions to withdraw from unproductive partnerships?",
        ],
      },
      {
        leadIn: "Do you know whether staff:",
        prompts: [
          "can describe the benefits of partnership working in developing their own skills, awareness and knowledge",
          "have participated in information and skills exchange to widen understanding and share good practice?",
        ],
      },
      {
        leadIn: "Do you know whether partners:",
        prompts: [
          "are satisfied with working arrangements and your contribution to projects",
          "describe the added value to their projects",
          "say what they have gained from working with you?",
        ],
      },
    ],
  },
  {
    code: "3.2",
    question: "Do you work with partners to plan and develop learning opportunities?",
    actions: [
      {
        code: "3.2.1",
        question:
          "Do you work collaboratively with partners to secure resources for developing cooperative schemes that extend opportunities for a wide range of users?",
      },
      {
        code: "3.2.2",
        question: "Do you work with partners to promote learning opportunities and access to new users?",
        parts: ["Promote opportunities", "Access to new users"],
      },
      {
        code: "3.2.3",
        question:
          "Do you use your skills, resources and collections to add value to others' learning initiatives?",
        footnote: 1,
      },
    ],
    evidence: [
      {
        leadIn: "Have you:",
        prompts: [
          "secured additional funding for partnership working",
          "developed cooperative schemes that extend and improve opportunities for learning",
          "engaged communities in learning projects through partnerships",
          "undertaken shared audience research to underpin the development of new services?",
        ],
      },
      {
        leadIn: "Do you know whether users:",
        prompts: [
          "discover other learning opportunities as a result of partnership initiatives",
          "say they have benefited from these services, access to skills, resources, collections and learning opportunities?",
        ],
      },
    ],
  },
  {
    code: "3.3",
    question:
      "Do you invite contributions from outside the museum, archive or library to broaden the range and appeal of learning opportunities?",
    actions: [
      {
        code: "3.3.1",
        question:
          "Do you increase the range of people involved in delivering services through various programmes?",
        footnote: 2,
      },
      {
        code: "3.3.2",
        question:
          "Do you bring in external contributors to work with the museum, archive or library and to enhance the learning experience for users?",
        footnote: 3,
        parts: ["Work with", "Enhance learning experiences"],
      },
    ],
    evidence: [
      {
        leadIn: "Have you",
        prompts: [
          "involved a broader range of people in the work of your museum, archive or library",
          "taken action to ensure the age, economic and cultural profile of these people fairly represents the community",
          "supported them with training and development?",
        ],
      },
      {
        leadIn: "Are staff able to:",
        prompts: [
          "describe the impact that these external people have made to the development of learning opportunities for users and to their own skills?",
        ],
      },
      {
        leadIn: "Do you know whether users:",
        prompts: [
          "gain new perspectives, insights and skills",
          "respond positively to the range and variety of opportunities that have been developed in partnership?",
        ],
      },
      {
        leadIn: "Do your volunteering and work experience programmes focus on:",
        prompts: [
          "skills development",
          "enhanced knowledge and awareness",
          "confidence building",
          "social opportunities",
          "enterprise and employability?",
        ],
      },
    ],
  },
];

const PART_LETTERS = "abcdefgh";

export const ELEMENTS: Element[] = source.map((element) => {
  let promptNumber = 0;
  return {
    code: element.code,
    question: element.question,
    actions: element.actions.map((action) => ({
      code: action.code,
      elementCode: element.code,
      question: action.question,
      footnote: action.footnote,
      lines: action.parts
        ? action.parts.map((part, i) => ({
            kind: "action" as const,
            code: `${action.code}${PART_LETTERS[i]}`,
            actionCode: action.code,
            elementCode: element.code,
            part,
          }))
        : [
            {
              kind: "action" as const,
              code: action.code,
              actionCode: action.code,
              elementCode: element.code,
              part: null,
            },
          ],
    })),
    promptGroups: element.evidence.map((group) => ({
      leadIn: group.leadIn,
      lines: group.prompts.map((text) => {
        promptNumber += 1;
        return {
          kind: "prompt" as const,
          code: `${element.code}.E${promptNumber}`,
          elementCode: element.code,
          leadIn: group.leadIn,
          text,
        };
      }),
    })),
  };
});

export const ACTIONS: Action[] = ELEMENTS.flatMap((e) => e.actions);
export const ACTION_LINES: ActionLine[] = ACTIONS.flatMap((a) => a.lines);
export const PROMPT_LINES: PromptLine[] = ELEMENTS.flatMap((e) => e.promptGroups.flatMap((g) => g.lines));
/** The 42 answerable lines: 13 action lines and 29 evidence prompts. */
export const LINES: ChecklistLine[] = ELEMENTS.flatMap((e) => [
  ...e.actions.flatMap((a) => a.lines),
  ...e.promptGroups.flatMap((g) => g.lines),
]);

const lineByCode = new Map(LINES.map((line) => [line.code, line]));
const actionByCode = new Map(ACTIONS.map((action) => [action.code, action]));
const elementByCode = new Map(ELEMENTS.map((element) => [element.code, element]));

export const getLine = (code: string) => lineByCode.get(code);
export const getAction = (code: string) => actionByCode.get(code);
export const getElement = (code: string) => elementByCode.get(code);
export const isLineCode = (code: string) => lineByCode.has(code);

/** How a line reads on its own, e.g. "3.1.2 Advocates" or "Have you: identified a range of partners…". */
export function lineWording(line: ChecklistLine): string {
  if (line.kind === "prompt") return `${line.leadIn} ${line.text}`;
  const action = actionByCode.get(line.actionCode)!;
  return line.part ? `${action.question} — ${line.part}` : action.question;
}

/** A short label for lists: "3.1.2b On-site services", "3.1.E1 identified a range of partners…". */
export function lineLabel(line: ChecklistLine): string {
  if (line.kind === "prompt") return `${line.code} ${line.text}`;
  return line.part
    ? `${line.code} ${line.part}`
    : `${line.code} ${actionByCode.get(line.actionCode)!.question}`;
}
