"""The HTTP server (``kg serve``): a front end over the graph, imported by no step of the pipeline.

:mod:`~kg.server.serve` holds the routes and the server's lifecycle, over:

* :mod:`~kg.server.protocol`: what a request asks (SPARQL Protocol operation,
  dataset, content negotiation, bodies, CORS preflight), shared with
  :mod:`~kg.server.gsp`, the Graph Store HTTP Protocol (``/store``);
* :mod:`~kg.server.query_runner` and :mod:`~kg.server.update_runner`: a query or
  an update in a worker of :mod:`~kg.server.runner` (forked, killed at the time
  limit, admitted by its ``Scheduler``); a store folder's writes in a writer
  process of its own, :mod:`~kg.server.store_writer`;
* :mod:`~kg.server.sandbox` (``SERVICE``, ``LOAD`` and deep nesting refused, no
  network in the workers), :mod:`~kg.server.updates` (the request's dataset
  written into an update) and :mod:`~kg.server.http_guard` (Host and Origin,
  security headers);
* :mod:`~kg.server.pages` and :mod:`~kg.server.query_page`: the HTML pages; the
  ``/query`` page (YASGUI, its assets in ``kg/viewer/``, shared with
  :mod:`kg.view`) and the SPARQL service description.

This file imports nothing: the store writer, a fresh interpreter, imports
:mod:`kg.server.store_writer` without the rest of the package.
"""
