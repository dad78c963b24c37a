import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Pages: a missing (or another workspace's) record shows the 404 page. */
export async function pageOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
