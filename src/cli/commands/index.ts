import type { Command } from "commander";

/** Each command file exports register(program); add new commands here. */
export const COMMANDS: Array<(program: Command) => void> = [];
