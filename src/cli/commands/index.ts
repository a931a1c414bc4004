import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { register as trend } from "./trend.js";
import { register as compare } from "./compare.js";
import { register as show } from "./show.js";
import { register as search } from "./search.js";
import { register as sql } from "./sql.js";
import { register as exportCmd } from "./export.js";
import { register as report } from "./report.js";
import { register as ingest } from "./ingest.js";
import { register as departments } from "./departments.js";
import { register as text } from "./text.js";
import { register as extract } from "./extract.js";
import { register as check } from "./check.js";
import { register as serve } from "./serve.js";
import { register as projects } from "./projects.js";

/**
 * Each command file exports register(program, io); add new commands here. The order is the help's order: the user's
 * workflow (import, read one file, check, then query the database). Command files import only light modules; heavy
 * ones load inside their actions, so `jixiao --help` does not pay for them.
 */
export const COMMANDS: Array<(program: Command, io: CliIo) => void> = [ingest, text, extract, check, trend, compare, show, projects, search, sql, exportCmd, report, serve, departments];
