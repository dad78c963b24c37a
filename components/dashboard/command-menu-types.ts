export type MenuMode = "closed" | "menu" | "shortcuts";

export interface CommandMenuProps {
  slug: string;
  /** May this person create links here (members and up)? */
  canWrite: boolean;
  workspaces: { slug: string; name: string }[];
}
