"use client";

import { useState } from "react";
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ChevronDown, ChevronUp, Eye, EyeOff, GripVertical, Trash2 } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { BioBlock } from "@/lib/bio-pages/schemas";
import { BlockFields, type LinkOption } from "./block-fields";

export const BLOCK_LABELS: Record<BioBlock["type"], string> = {
  link: "Link button",
  header: "Header",
  text: "Text",
  image: "Image",
  social: "Social icons",
  embed: "Embed",
  contact: "Contact",
  subscribe: "Subscribe",
};

function summary(b: BioBlock): string {
  switch (b.type) {
    case "link":
      return b.label;
    case "header":
    case "text":
      return b.text;
    case "image":
      return b.alt;
    case "social":
      return `${b.items.length} profile${b.items.length === 1 ? "" : "s"}`;
    case "embed":
      return b.title ?? b.url;
    case "contact":
      return b.name ?? b.email ?? b.phone ?? "";
    case "subscribe":
      return b.heading ?? "Email sign-up";
  }
}

interface ListProps {
  blocks: BioBlock[];
  errors: Record<string, string>;
  timeZone: string;
  slug: string;
  links: LinkOption[];
  readOnly: boolean;
  onChange: (blocks: BioBlock[]) => void;
}

/** The page's blocks in order: drag the handle (or focus it, Space, arrow keys, Space) to reorder. */
export function BlockList({ blocks, errors, timeZone, slug, links, readOnly, onChange }: ListProps) {
  const [open, setOpen] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  function onDragEnd(e: DragEndEvent) {
    if (!e.over || e.active.id === e.over.id) return;
    const from = blocks.findIndex((b) => b.id === e.active.id);
    const to = blocks.findIndex((b) => b.id === e.over!.id);
    onChange(arrayMove(blocks, from, to));
  }
  const label = (id: string | number) => {
    const i = blocks.findIndex((b) => b.id === id);
    return i === -1 ? "block" : `${BLOCK_LABELS[blocks[i]!.type]} “${summary(blocks[i]!).slice(0, 40)}”, position ${i + 1} of ${blocks.length}`;
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: "To move a block, press Space, use the arrow keys, then press Space again to drop it or Escape to cancel." },
        announcements: {
          onDragStart: ({ active }) => `Picked up ${label(active.id)}.`,
          onDragOver: ({ active, over }) => (over ? `${label(active.id)} is over position ${blocks.findIndex((b) => b.id === over.id) + 1}.` : undefined),
          onDragEnd: ({ active, over }) => (over ? `Dropped at position ${blocks.findIndex((b) => b.id === over.id) + 1}.` : `Dropped ${label(active.id)}.`),
          onDragCancel: () => "Moving cancelled.",
        },
      }}
    >
      <SortableContext items={blocks.map((b) => b.id)} strategy={verticalListSortingStrategy}>
        <ol className="space-y-2" aria-label="Blocks">
          {blocks.map((b, i) => (
            <SortableBlock
              key={b.id}
              block={b}
              index={i}
              open={open === b.id}
              hasError={Object.keys(errors).some((k) => k.startsWith(`blocks.${i}.`))}
              readOnly={readOnly}
              onToggle={() => setOpen(open === b.id ? null : b.id)}
              onChange={(nb) => onChange(blocks.map((x) => (x.id === b.id ? nb : x)))}
              onDelete={() => onChange(blocks.filter((x) => x.id !== b.id))}
            >
              <BlockFields block={b} index={i} errors={errors} timeZone={timeZone} slug={slug} links={links} onChange={(nb) => onChange(blocks.map((x) => (x.id === b.id ? nb : x)))} />
            </SortableBlock>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

interface ItemProps {
  block: BioBlock;
  index: number;
  open: boolean;
  hasError: boolean;
  readOnly: boolean;
  onToggle: () => void;
  onChange: (b: BioBlock) => void;
  onDelete: () => void;
  children: React.ReactNode;
}

function SortableBlock({ block, index, open, hasError, readOnly, onToggle, onChange, onDelete, children }: ItemProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: block.id, disabled: readOnly });
  const scheduled = block.startsAt || block.endsAt;
  const name = `${BLOCK_LABELS[block.type]}: ${summary(block) || "empty"}`;
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className={cn("rounded-xl border bg-white", isDragging ? "z-10 shadow-lg" : "", hasError ? "border-red-400" : "border-zinc-200")} data-testid="bio-block">
      <div className="flex items-center gap-1 p-2">
        {!readOnly && (
          <button ref={setActivatorNodeRef} type="button" className="cursor-grab rounded-md p-2 text-zinc-500 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-600" aria-label={`Move ${name} (position ${index + 1})`} {...attributes} {...listeners}>
            <GripVertical aria-hidden className="size-4" />
          </button>
        )}
        <button type="button" onClick={onToggle} aria-expanded={open} className="flex min-w-0 flex-1 items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-600">
          <span className="shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700">{BLOCK_LABELS[block.type]}</span>
          <span className={cn("truncate text-sm", block.hidden ? "text-zinc-500 line-through" : "text-zinc-900")} title={summary(block) || undefined}>{summary(block) || "Empty"}</span>
          {scheduled && <span className="shrink-0 rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800">Scheduled</span>}
          {open ? <ChevronUp aria-hidden className="ml-auto size-4 shrink-0" /> : <ChevronDown aria-hidden className="ml-auto size-4 shrink-0" />}
        </button>
        {!readOnly && (
          <>
            <button type="button" className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-600" aria-label={block.hidden ? `Show ${name}` : `Hide ${name}`} aria-pressed={block.hidden} onClick={() => onChange({ ...block, hidden: !block.hidden })}>
              {block.hidden ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
            </button>
            <button type="button" className="rounded-md p-2 text-zinc-600 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-accent-600" aria-label={`Delete ${name}`} onClick={onDelete}>
              <Trash2 aria-hidden className="size-4" />
            </button>
          </>
        )}
      </div>
      {open && <div className="border-t border-zinc-100 p-4">{children}</div>}
    </li>
  );
}
