// How deeply a JSON text nests, found without parsing it: a body nested thousands deep would
// overflow the stack of whatever walks the parsed value (a 500), so such a body is refused before
// it is parsed. One pass over the text, no recursion. Pure.

/** Whether `text` opens more than `maxDepth` arrays or objects inside one another. */
export function isJsonNestedDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let isInString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (isInString) {
      if (char === "\\")
        index += 1; // the escaped character cannot end the string
      else if (char === '"') isInString = false;
    } else if (char === '"') isInString = true;
    else if (char === "[" || char === "{") {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (char === "]" || char === "}") depth -= 1;
  }
  return false;
}
