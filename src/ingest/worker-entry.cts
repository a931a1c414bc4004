/**
 * The file piscina starts in each worker thread, as CommonJS. piscina loads its `filename` with require() first, and on
 * Node 20.19+ require() of an ES module loads it synchronously; when a thread asked for its handler while that load
 * was still under way, V8 aborted the whole process ("v8::Module::IsGraphAsync must be used on an instantiated
 * module", twice in about a dozen full test runs on two cores). A CommonJS entry is loaded the ordinary way and imports
 * the ES worker once, asynchronously, handing every task to it.
 */
type Handler = (task: unknown) => Promise<unknown>;

let handler: Promise<Handler> | null = null;

function runTask(task: unknown): Promise<unknown> {
  handler ??= import("./worker.js").then((m) => m.default as Handler);
  return handler.then((analyze) => analyze(task));
}

export = runTask;
