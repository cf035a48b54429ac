// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useAfterFirstPaint } from "../../../src/ui/afterPaint";

afterEach(() => cleanup());

function Part({ load }: { load: () => Promise<{ text: string }> }) {
  const part = useAfterFirstPaint(load);
  if (part.state === "ready") return <p data-testid="part">{part.module.text}</p>;
  if (part.state === "failed")
    return (
      <button type="button" onClick={part.retry}>
        Try again
      </button>
    );
  return <p data-testid="waiting">waiting</p>;
}

describe("useAfterFirstPaint", () => {
  it("renders the module only after the first frame, even when it is already loaded", async () => {
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, "requestAnimationFrame").mockImplementation((cb) => {
      frames.push(cb);
      return frames.length;
    });
    try {
      render(<Part load={() => Promise.resolve({ text: "charts" })} />);
      await act(async () => {
        await new Promise((ok) => setTimeout(ok, 20)); // the module resolved; no frame yet
      });
      expect(screen.getByTestId("waiting")).toBeInTheDocument();
      await act(async () => {
        for (const cb of frames.splice(0)) cb(performance.now());
        await new Promise((ok) => setTimeout(ok, 20));
      });
      expect(screen.getByTestId("part")).toHaveTextContent("charts");
    } finally {
      raf.mockRestore();
    }
  });

  it("a chunk that fails to load offers a retry, which loads it again", async () => {
    const load = vi
      .fn<() => Promise<{ text: string }>>()
      .mockRejectedValueOnce(new Error("chunk failed"))
      .mockResolvedValueOnce({ text: "charts" });
    render(<Part load={load} />);
    await userEvent.click(await screen.findByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("part")).toHaveTextContent("charts");
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("the app's first screen (cardsAfterFirstPaint)", () => {
  it("paints the verdict strip alone, then the cards in the next frame", async () => {
    const { App } = await import("../../../src/ui/App");
    const { session } = await import("./helpers");
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, "requestAnimationFrame").mockImplementation((cb) => {
      frames.push(cb);
      return frames.length;
    });
    try {
      render(
        <App
          load={() => Promise.resolve({ ok: true as const, session: session() })}
          browserLocales={["en-GB"]}
          cardsAfterFirstPaint
        />,
      );
      const strip = await screen.findByTestId("verdict-strip");
      expect(strip).toHaveTextContent(/SINS/);
      expect(screen.getByTestId("cards-pending")).toHaveAttribute("aria-busy", "true");
      expect(screen.queryByTestId("sins-card")).toBeNull();
      await act(async () => {
        for (const cb of frames.splice(0)) cb(performance.now());
        await new Promise((ok) => setTimeout(ok, 20));
      });
      expect(await screen.findByTestId("sins-card")).toBeInTheDocument();
      expect(screen.queryByTestId("cards-pending")).toBeNull();
    } finally {
      raf.mockRestore();
    }
  });
});
