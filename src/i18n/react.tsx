import { createContext, useContext, type ReactNode } from "react";
import { createTranslator, type Translator } from "./index";

const TranslatorContext = createContext<Translator>(createTranslator("en"));

export function TranslatorProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>;
}

/** The current translator: `const { t, message, number, date, dateTime, locale } = useTranslator();` */
export function useTranslator(): Translator {
  return useContext(TranslatorContext);
}
