/** The Python sources of the notebooks, imported as text (Vite's `?raw`). */
declare module '*.py?raw' {
  const text: string;
  export default text;
}
