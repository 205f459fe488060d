import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import type { FieldErrors, FormFailure, FormValues } from "~/utils/forms.server";

/**
 * Fields read their error message and the value a person typed from this context, so a form that
 * failed validation shows every message beside its field and loses nothing typed.
 */
const FormStateContext = createContext<{ errors: FieldErrors; values?: FormValues }>({ errors: {} });

export function isFailure(data: unknown): data is FormFailure {
  return typeof data === "object" && data !== null && "errors" in data && "values" in data;
}

export function FormState({ failure, children }: { failure?: unknown; children: ReactNode }) {
  const state = isFailure(failure) ? failure : { errors: {} };
  return <FormStateContext.Provider value={state}>{children}</FormStateContext.Provider>;
}

/** Search and filter forms leave out the "(optional)" marker: every filter is optional. */
const MarkOptionalContext = createContext(true);
export const MarkOptional = MarkOptionalContext.Provider;

function OptionalMarker({ required }: { required?: boolean }) {
  const mark = useContext(MarkOptionalContext);
  return required || !mark ? null : <span className="optional"> (optional)</span>;
}

function useField(name: string) {
  const { errors, values } = useContext(FormStateContext);
  const error = errors[name]?.[0];
  const submitted = values ? (values[name] ?? "") : undefined;
  return { error, submitted, id: `field-${name}` };
}

/** A list of every problem at the top of the form, linking to each field (GOV.UK pattern). */
export function ErrorSummary() {
  const { errors } = useContext(FormStateContext);
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter(([, messages]) => messages?.length);
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [errors]); // eslint-disable-line react-hooks/exhaustive-deps
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([name, messages]) => (
          <li key={name}>{name === "form" ? messages![0] : <a href={`#field-${name}`}>{messages![0]}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

type BaseProps = { name: string; label: ReactNode; hint?: ReactNode; className?: string };

function Describe({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type TextFieldProps = BaseProps & {
  type?:
    | "text"
    | "email"
    | "password"
    | "url"
    | "tel"
    | "date"
    | "time"
    | "datetime-local"
    | "number"
    | "search"
    | "month";
  defaultValue?: string | number | null;
  required?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "email" | "tel" | "url" | "text";
  step?: string;
  min?: string | number;
  max?: string | number;
  width?: "short" | "medium";
};

export function TextField(props: TextFieldProps) {
  const {
    name,
    label,
    hint,
    type = "text",
    defaultValue,
    required,
    autoComplete,
    inputMode,
    step,
    min,
    max,
    width,
  } = props;
  const { error, submitted, id } = useField(name);
  const value = type === "password" ? undefined : (submitted ?? defaultValue ?? "");
  // Email addresses and web addresses are checked on the server, with our own messages (the
  // browser's checks differ between browsers and would refuse "museum.org.uk"); the keyboard on a
  // phone still suits them.
  const checkedOnServer = type === "email" || type === "url";
  return (
    <div className={`field${error ? " field--error" : ""}${props.className ? ` ${props.className}` : ""}`}>
      <label htmlFor={id}>
        {label}
        <OptionalMarker required={required} />
      </label>
      <Describe id={id} hint={hint} error={error} />
      <input
        id={id}
        name={name}
        type={checkedOnServer ? "text" : type}
        inputMode={checkedOnServer ? type : inputMode}
        spellCheck={checkedOnServer ? false : undefined}
        autoCapitalize={checkedOnServer ? "none" : undefined}
        defaultValue={value === undefined ? undefined : String(value)}
        aria-required={required || undefined}
        autoComplete={autoComplete}
        step={step}
        min={min}
        max={max}
        className={width ? `input--${width}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export function TextAreaField(
  props: BaseProps & { defaultValue?: string | null; required?: boolean; rows?: number },
) {
  const { name, label, hint, defaultValue, required, rows = 4 } = props;
  const { error, submitted, id } = useField(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {label}
        <OptionalMarker required={required} />
      </label>
      <Describe id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={String(submitted ?? defaultValue ?? "")}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField(
  props: BaseProps & {
    options: readonly Option[];
    defaultValue?: string | number | null;
    required?: boolean;
    placeholder?: string;
  },
) {
  const { name, label, hint, options, defaultValue, required, placeholder } = props;
  const { error, submitted, id } = useField(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>
        {label}
        <OptionalMarker required={required} />
      </label>
      <Describe id={id} hint={hint} error={error} />
      <select
        id={id}
        name={name}
        defaultValue={String(submitted ?? defaultValue ?? "")}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined || !required ? <option value="">{placeholder ?? "—"}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField(props: BaseProps & { defaultChecked?: boolean | null }) {
  const { name, label, hint, defaultChecked } = props;
  const { error, submitted, id } = useField(name);
  const checked = submitted !== undefined ? submitted === "on" : Boolean(defaultChecked);
  return (
    <div className={`field field--checkbox${error ? " field--error" : ""}`}>
      <input
        id={id}
        name={name}
        type="checkbox"
        defaultChecked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      <Describe id={id} hint={hint} error={error} />
    </div>
  );
}

/** A group of checkboxes sharing one name (several values) or radios (one value). */
export function ChoiceGroup(
  props: BaseProps & {
    options: readonly Option[];
    type: "checkbox" | "radio";
    defaultValue?: string | readonly string[] | null;
    required?: boolean;
    inline?: boolean;
    /** Needed when two groups share one field name, so their ids stay unique. */
    id?: string;
  },
) {
  const { name, label, hint, options, type, defaultValue, required, inline } = props;
  const field = useField(name);
  const { error, submitted } = field;
  const id = props.id ?? field.id;
  const chosen = new Set(
    [submitted !== undefined ? submitted : (defaultValue ?? [])]
      .flat()
      .filter((v): v is string => typeof v === "string"),
  );
  return (
    <fieldset
      className={`field choice-group${inline ? " choice-group--inline" : ""}${error ? " field--error" : ""}`}
      id={id}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>
        {label}
        <OptionalMarker required={required} />
      </legend>
      <Describe id={id} hint={hint} error={error} />
      {options.map((option) => (
        <div className="choice" key={option.value}>
          <input
            type={type}
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={chosen.has(option.value)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
