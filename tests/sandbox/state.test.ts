import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { STATE_FILE, StateStore } from "@/lib/sandbox/state";
import { makeDataDir, sleep } from "./support";

const folders: string[] = [];
async function folder() {
  const dir = await makeDataDir();
  folders.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const code = (expiresAt: number) => ({ platform: "allegro", appKey: "app", sellerId: "1", scope: "s", redirectUri: "http://localhost/cb", expiresAt });

describe("sandbox state file", () => {
  it("survives a close and a reopen", async () => {
    const dir = await folder();
    const store = await StateStore.open(dir);
    store.data.codes.abc = code(Date.now() + 60_000);
    store.data.statusChanges["allegro:1:2"] = { from: "INACTIVE", to: "ACTIVE", during: "ACTIVATING", at: 123 };
    store.changed();
    await store.close();
    const reopened = await StateStore.open(dir);
    expect(reopened.data.codes.abc).toMatchObject({ sellerId: "1" });
    expect(reopened.data.statusChanges["allegro:1:2"]).toEqual({ from: "INACTIVE", to: "ACTIVE", during: "ACTIVATING", at: 123 });
  });

  it("debounces writes and leaves no temporary file behind", async () => {
    const dir = await folder();
    const store = await StateStore.open(dir, { saveDelayMs: 50 });
    store.data.codes.one = code(Date.now() + 60_000);
    store.changed();
    store.data.codes.two = code(Date.now() + 60_000);
    store.changed();
    expect(await readdir(dir)).toEqual([]);
    await sleep(120);
    const saved = JSON.parse(await readFile(path.join(dir, STATE_FILE), "utf8"));
    expect(Object.keys(saved.codes).sort()).toEqual(["one", "two"]);
    expect(await readdir(dir)).toEqual([STATE_FILE]);
    await store.close();
  });

  it("drops records a day after they expired when it saves, and keeps the recently expired to say so", async () => {
    const dir = await folder();
    const store = await StateStore.open(dir);
    store.data.codes.old = code(Date.now() - 24 * 60 * 60 * 1000 - 1);
    store.data.codes.expired = code(Date.now() - 1);
    store.data.codes.fresh = code(Date.now() + 60_000);
    store.changed();
    await store.close();
    expect(Object.keys((await StateStore.open(dir)).data.codes).sort()).toEqual(["expired", "fresh"]);
  });

  it("moves an unreadable file aside and starts empty", async () => {
    const dir = await folder();
    await writeFile(path.join(dir, STATE_FILE), '{"version": 1, "codes": ');
    const lines: string[] = [];
    const store = await StateStore.open(dir, { log: (line) => lines.push(line) });
    expect(store.data.codes).toEqual({});
    expect(lines.join("\n")).toContain("could not be read");
    expect((await readdir(dir)).some((name) => name.startsWith(`${STATE_FILE}.unreadable-`))).toBe(true);
  });
});
